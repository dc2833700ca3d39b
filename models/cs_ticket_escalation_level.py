from odoo import fields, models

from ..policy import escalation as escalation_policy


class CsTicketEscalation(models.Model):
    """The levels of the regulations' chain (POLICY §2, seed 000 附件一), the reasons severity and the
    handler add, and the handler's reason for an escalation by hand."""
    _inherit = 'cs.ticket.escalation'

    level = fields.Selection(selection_add=[
        (escalation_policy.SITE_MANAGER, 'Site sales manager'),
        (escalation_policy.DEPUTY_GM, 'Deputy general manager in charge')])
    reason = fields.Selection(selection_add=[('serious', 'Serious complaint'), ('manual', 'By hand')])
    note = fields.Text(string='Reason given', readonly=True)
