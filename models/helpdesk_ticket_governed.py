from odoo import api, fields, models

from ..policy import teams as team_policy


class HelpdeskTicket(models.Model):
    """The policy applies to customer-service teams only (POLICY §2): a ticket of another team has no
    deadline, is not escalated, closes under the host's rules, is not acknowledged to the customer and
    stays out of the indicators and reports."""
    _inherit = 'helpdesk.ticket'

    cs_governed = fields.Boolean(
        string='Under the customer service policy', compute='_compute_cs_governed', store=True, index=True,
        help='Registered without a team or for a customer-service team.')

    @api.multi
    @api.depends('team_id', 'team_id.cs_customer_service')
    def _compute_cs_governed(self):
        for ticket in self:
            team = ticket.sudo().team_id
            ticket.cs_governed = team_policy.governed(bool(team), team.cs_customer_service)

    @api.model
    def _cs_protected_fields(self):
        return super(HelpdeskTicket, self)._cs_protected_fields() | {'cs_governed'}

    @api.multi
    def _cs_is_governed(self):
        self.ensure_one()
        return self.cs_governed

    @api.multi
    @api.depends('cs_kind', 'cs_registered_date', 'cs_promised_date', 'cs_deadline_days', 'company_id', 'cs_governed')
    def _compute_cs_deadline(self):
        governed = self.filtered('cs_governed')
        for ticket in self - governed:
            ticket.cs_deadline = False
        return super(HelpdeskTicket, governed)._compute_cs_deadline()

    @api.model
    def _cs_escalation_domain(self, now):
        return super(HelpdeskTicket, self)._cs_escalation_domain(now) + team_policy.governed_domain()

    @api.multi
    def _cs_escalate(self, level, reason, now, note=False):
        if not self.cs_governed:
            return False  # the host's plain ticket: nobody is notified nor escalated to
        return super(HelpdeskTicket, self)._cs_escalate(level, reason, now, note=note)
