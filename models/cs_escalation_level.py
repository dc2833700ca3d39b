from odoo import api, fields, models

from ..policy import escalation as escalation_policy

LEVEL_NAMES = [
    (escalation_policy.SITE_MANAGER, 'Site sales manager'),
    ('cs_manager', 'Customer service manager'),
    (escalation_policy.DEPARTMENT_MANAGER, 'Department head'),
    (escalation_policy.DEPUTY_GM, 'Deputy general manager in charge'),
    ('general_manager', 'General manager'),
]


class CsEscalationLevel(models.Model):
    """One level of a company's escalation chain 层级上报 (POLICY §2, seed 000 附件一), in order. A company
    without levels follows the regulations: site sales manager, department manager, deputy GM in charge."""
    _name = 'cs.escalation.level'
    _description = 'Escalation Level'
    _order = 'company_id, sequence, id'

    company_id = fields.Many2one('res.company', string='Company', required=True, index=True,
                                 default=lambda self: self.env.user.company_id)
    sequence = fields.Integer(string='Sequence', default=10)
    level = fields.Selection(LEVEL_NAMES, string='Level', required=True)

    _sql_constraints = [
        ('company_level_uniq', 'unique(company_id, level)', 'A level appears once in a company\'s chain.'),
    ]

    @api.model
    def _cs_chain(self, company):
        """The chain of ``company``, the handler first."""
        rows = self.sudo().search([('company_id', '=', company.id)])
        return escalation_policy.chain(rows.mapped('level'))
