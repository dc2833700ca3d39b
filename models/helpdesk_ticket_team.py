from odoo import fields, models


class HelpdeskTicketTeam(models.Model):
    """A helpdesk team says whether it does customer service 客户服务 (POLICY §2): only its tickets (and
    those without a team) are complaints, consultations and suggestions under the policy."""
    _inherit = 'helpdesk.ticket.team'

    cs_customer_service = fields.Boolean(
        string='Customer service team', default=True, index=True,
        help='Its tickets follow the customer service policy: deadlines, escalation, closing rules, '
             'acknowledgement, indicators. Untick it for IT or internal-request teams, whose tickets keep the '
             'plain helpdesk behaviour.')
