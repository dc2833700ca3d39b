import datetime

from dateutil.relativedelta import relativedelta

from odoo import api, fields, models


class CsRewardStatementWizard(models.TransientModel):
    """Prints the reward/penalty statement 奖惩明细 of employees for a period, in PDF or XLSX."""
    _name = 'cs.reward.statement.wizard'
    _description = 'Reward and Penalty Statement'

    def _default_from(self):
        return fields.Date.context_today(self)[:8] + '01'

    def _default_to(self):
        start = fields.Date.from_string(self._default_from())
        return fields.Date.to_string(start + relativedelta(months=1) - datetime.timedelta(days=1))

    user_ids = fields.Many2many('res.users', string='Employees', required=True,
                                default=lambda self: self.env.context.get('active_model') == 'res.users'
                                and self.env.context.get('active_ids') or False)
    date_from = fields.Date(required=True, default=_default_from)
    date_to = fields.Date(required=True, default=_default_to)

    @api.multi
    def _cs_print(self, xmlid):
        self.ensure_one()
        # the employees travel in the data: the web client downloads a report with data without its ids
        return self.env.ref(xmlid).report_action(self.user_ids, data={
            'date_from': self.date_from, 'date_to': self.date_to, 'user_ids': self.user_ids.ids})

    @api.multi
    def action_print_pdf(self):
        return self._cs_print('customer_service_mgmt.cs_reward_statement_pdf')

    @api.multi
    def action_print_xlsx(self):
        return self._cs_print('customer_service_mgmt.cs_reward_statement_xlsx')
