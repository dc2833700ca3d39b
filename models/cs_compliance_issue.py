from odoo import _, api, fields, models, tools
from odoo.exceptions import AccessError

from ..policy import compliance as compliance_policy

RULE_LABELS = [
    (compliance_policy.TICKET_OVERDUE, 'Complaint unanswered or past its deadline'),
    (compliance_policy.DISSATISFIED_NO_FOLLOWUP, 'Closed without follow-up of a dissatisfied opinion'),
    (compliance_policy.IMPORTANT_NOT_VISITED, 'Important customer not visited in its period'),
    (compliance_policy.ACTION_OVERDUE, 'Corrective action overdue'),
    (compliance_policy.ARCHIVE_NOT_REVIEWED, 'Archive not reviewed this quarter'),
    (compliance_policy.FINE_OUT_OF_BAND, 'Fine outside its band'),
    (compliance_policy.BORROW_NO_PURPOSE, 'Archive borrowed without a purpose'),
]


class CsComplianceIssue(models.Model):
    """Compliance check 合规检查: one row per place where the data breaks the policy right now, read from
    the rules of policy/compliance.py. A report for the general manager; each row opens its record."""
    _name = 'cs.compliance.issue'
    _description = 'Compliance Issue'
    _auto = False
    _order = 'rule, since, id'

    rule = fields.Selection(RULE_LABELS, string='Rule', readonly=True)
    res_model = fields.Char(string='Document model', readonly=True)
    res_id = fields.Integer(string='Document', readonly=True)
    name = fields.Char(string='Record', readonly=True)
    company_id = fields.Many2one('res.company', string='Company', readonly=True)
    since = fields.Datetime(string='Since', readonly=True)

    @api.model_cr
    def init(self):
        for name in ('helpdesk.ticket', 'cs.visit', 'cs.customer.archive', 'cs.reward.penalty'):
            self.env[name]._auto_init()  # the columns the rules read exist before the view
        tools.drop_view_if_exists(self.env.cr, self._table)
        self.env.cr.execute('CREATE VIEW %s AS (%s)' % (self._table, compliance_policy.view_sql()))

    @api.multi
    def action_open(self):
        """Open the record that breaks the rule, with the user's own rights on it."""
        self.ensure_one()
        record = self.env[self.res_model].browse(self.res_id)
        if not record.exists():
            raise AccessError(_('The record of %s no longer exists.') % self.name)
        record.check_access_rights('read')
        record.check_access_rule('read')
        return {'type': 'ir.actions.act_window', 'res_model': self.res_model, 'res_id': self.res_id,
                'view_mode': 'form', 'views': [(False, 'form')], 'target': 'current', 'name': self.name}
