from odoo import api, models


class HelpdeskTicket(models.Model):
    """After a complaint is closed, the sales manager revisits the customer 回访 (POLICY §2, §3)."""
    _inherit = 'helpdesk.ticket'

    @api.multi
    def _cs_on_complaint_closed(self):
        result = super(HelpdeskTicket, self)._cs_on_complaint_closed()
        self.env['cs.visit']._cs_plan_complaint_revisit(self)
        return result
