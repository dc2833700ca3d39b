from odoo import api, models


class CsVisitReportPdf(models.AbstractModel):
    _name = 'report.customer_service_mgmt.cs_visit_report_document'
    _description = 'Quarterly Return Visit Report (PDF)'

    @api.model
    def get_report_values(self, docids, data=None):
        reports = self.env['cs.visit.report'].browse(docids)
        reports._cs_check_access()
        return {'doc_ids': docids, 'doc_model': 'cs.visit.report', 'docs': reports, 'data': data}
