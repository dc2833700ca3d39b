from odoo import SUPERUSER_ID, _, api, fields, models
from odoo.exceptions import AccessError, UserError

from ..policy import values as value_policy


class CsRewardStatement(models.AbstractModel):
    """The data of the reward/penalty statement 奖惩明细 of employees for a period, shared by the PDF
    and the XLSX: confirmed and cancelled records are listed, totals count confirmed ones only."""
    _name = 'report.customer_service_mgmt.cs_reward_statement'
    _description = 'Reward and Penalty Statement'

    @api.model
    def _cs_period(self, data):
        data = data or {}
        today = fields.Date.context_today(self)
        period = data.get('date_from') or today[:8] + '01', data.get('date_to') or today
        for label, value in zip((_('From'), _('To')), period):
            if value_policy.date_problem(value):
                raise UserError(_('"%s" of the reward and penalty statement: %s is not a date.')
                                % (label, str(value).replace('\x00', '\\0')[:20]))
        return period

    @api.model
    def _cs_users(self, docids, data=None):
        """The employees of the statement: the report's ids, or those of the wizard's data (the web
        client downloads a report that carries data without its ids)."""
        ids = docids or (data or {}).get('user_ids') or []
        if not isinstance(ids, (list, tuple)) or \
                not all(isinstance(i, int) and not isinstance(i, bool) for i in ids):
            raise UserError(_('"Employees" of the reward and penalty statement: %s are not users.') % (ids,))
        return self.env['res.users'].browse(ids)

    @api.model
    def _cs_check_access(self, users):
        """As the records' rules: an employee reads his own statement; a customer service manager those
        of the employees of his companies."""
        if self.env.uid == SUPERUSER_ID:
            return
        me = self.env.user
        others = users - me
        if others and not me._cs_is_manager():
            raise AccessError(_('The reward and penalty statement of %s is for that employee and the '
                                'customer service managers only.') % ', '.join(others.sudo().mapped('name')))
        foreign = users.sudo().filtered(lambda u: not u.exists() or u.company_id not in me.company_ids)
        if foreign:
            raise AccessError(_('The reward and penalty statement of %s: not an employee of your companies.')
                              % ', '.join(foreign.mapped('name')))

    @api.model
    def _cs_statements(self, users, data):
        date_from, date_to = self._cs_period(data)
        records = self.env['cs.reward.penalty'].search([
            ('user_id', 'in', users.ids), ('date', '>=', date_from), ('date', '<=', date_to),
            ('state', 'in', ('confirmed', 'cancelled'))], order='user_id, date, id')
        statements = []
        for user in users:
            lines = records.filtered(lambda r: r.user_id == user)
            confirmed = lines.filtered(lambda r: r.state == 'confirmed')
            statements.append({
                'user': user, 'lines': lines,
                'reward_total': sum(confirmed.filtered(lambda r: r.kind == 'reward').mapped('amount')),
                'penalty_total': sum(confirmed.filtered(lambda r: r.kind == 'penalty').mapped('amount')),
                'sanction_count': len(confirmed.filtered(lambda r: r.kind == 'sanction')),
            })
        return date_from, date_to, statements

    @api.model
    def _cs_labels(self, record):
        """Translated selection labels of a record, for the printed columns."""
        sel = lambda name: dict(record._fields[name]._description_selection(self.env)).get(record[name], '')  # noqa: E731
        return {'kind': sel('kind'), 'reason_type': sel('reason_type'), 'state': sel('state'),
                'sanction_type': sel('sanction_type') if record.sanction_type else ''}


class CsRewardStatementPdf(models.AbstractModel):
    _name = 'report.customer_service_mgmt.cs_reward_statement_document'
    _description = 'Reward and Penalty Statement (PDF)'

    @api.model
    def get_report_values(self, docids, data=None):
        base = self.env['report.customer_service_mgmt.cs_reward_statement']
        users = base._cs_users(docids, data)
        base._cs_check_access(users)
        date_from, date_to, statements = base._cs_statements(users, data)
        return {'doc_ids': users.ids, 'doc_model': 'res.users', 'docs': users, 'date_from': date_from,
                'date_to': date_to, 'statements': statements, 'labels': base._cs_labels,
                'currency': self.env.user.company_id.currency_id}


class CsRewardStatementXlsx(models.AbstractModel):
    _name = 'report.customer_service_mgmt.cs_reward_statement_xlsx'
    _inherit = 'report.report_xlsx.abstract'
    _description = 'Reward and Penalty Statement (XLSX)'

    def _get_objs_for_report(self, docids, data):
        return self.env['report.customer_service_mgmt.cs_reward_statement']._cs_users(docids, data)

    def generate_xlsx_report(self, workbook, data, users):
        base = self.env['report.customer_service_mgmt.cs_reward_statement']
        base._cs_check_access(users)
        date_from, date_to, statements = base._cs_statements(users, data)
        bold = workbook.add_format({'bold': True})
        money = workbook.add_format({'num_format': '#,##0.00'})
        sheet = workbook.add_worksheet(_('Statement'))
        sheet.write(0, 0, _('Reward and Penalty Statement'), bold)
        sheet.write(1, 0, _('Period'))
        sheet.write(1, 1, '%s ~ %s' % (date_from, date_to))
        headers = [_('Employee'), _('Date'), _('Kind'), _('Reason type'), _('Sanction'), _('Amount'),
                   _('Ticket'), _('Status'), _('Notes')]
        row = 3
        for col, header in enumerate(headers):
            sheet.write(row, col, header, bold)
        for statement in statements:
            for record in statement['lines']:
                row += 1
                labels = base._cs_labels(record)
                values = [statement['user'].name, record.date, labels['kind'], labels['reason_type'],
                          labels['sanction_type'], record.amount, record.ticket_id.number or '',
                          labels['state'], record.cancel_reason or record.notes or '']
                for col, value in enumerate(values):
                    sheet.write(row, col, value, money if col == 5 else None)
            row += 1
            sheet.write(row, 0, _('%s: total rewards') % statement['user'].name, bold)
            sheet.write(row, 5, statement['reward_total'], money)
            row += 1
            sheet.write(row, 0, _('%s: total penalties') % statement['user'].name, bold)
            sheet.write(row, 5, statement['penalty_total'], money)
            row += 1
        sheet.set_column(0, 0, 24)
        sheet.set_column(1, 8, 14)
