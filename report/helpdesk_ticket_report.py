from odoo import api, models


class ReportCsTicketRegistration(models.AbstractModel):
    """The registration form 客户投诉登记表 shows the tickets the user may read, also when its URL
    (/report/pdf/<report>/<ids>) is called directly: the rights are checked before anything renders, so a
    user who may not read a ticket gets an access error, not its form."""
    _name = 'report.customer_service_mgmt.report_cs_ticket_registration'
    _description = 'Complaint Registration Form'

    @api.model
    def get_report_values(self, docids, data=None):
        tickets = self.env['helpdesk.ticket'].browse(docids or [])
        tickets.check_access_rights('read')
        tickets.check_access_rule('read')
        return {'doc_ids': tickets.ids, 'doc_model': 'helpdesk.ticket', 'docs': tickets, 'data': data}
