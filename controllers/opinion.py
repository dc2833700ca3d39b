from odoo import http
from odoo.http import request


class CsOpinionController(http.Controller):
    """The customer's opinion page (POLICY §2): public, in Chinese, opened by the signed link of the reply
    mail; refused with a page saying why (used, expired, forged) and nothing written."""

    def _render(self, template, values, status=200):
        view = request.env['ir.ui.view'].sudo().with_context(lang='zh_CN')
        values = dict(values, request=request)
        html = view.render_template('customer_service_mgmt.%s' % template, values)
        response = request.make_response(html, headers=[('Content-Type', 'text/html; charset=utf-8')])
        response.status_code = status
        return response

    @http.route('/cs/opinion/<string:token>', type='http', auth='public', methods=['GET'], website=False)
    def opinion_form(self, token, **kwargs):
        Ticket = request.env['helpdesk.ticket'].sudo().with_context(lang='zh_CN')
        ticket, problem = Ticket._cs_opinion_check(token)
        if problem:
            return self._render('cs_opinion_refused', {'reason': problem.rule}, status=403)
        return self._render('cs_opinion_page', {'ticket': ticket, 'token': token})

    @http.route('/cs/opinion/<string:token>', type='http', auth='public', methods=['POST'], website=False)
    def opinion_submit(self, token, opinion=None, comment=None, **kwargs):
        Ticket = request.env['helpdesk.ticket'].sudo().with_context(lang='zh_CN')
        ticket, _problem = Ticket._cs_opinion_check(token)
        problem = Ticket._cs_record_customer_opinion(token, opinion, comment)
        if problem:
            return self._render('cs_opinion_refused', {'reason': problem.rule}, status=403)
        return self._render('cs_opinion_thanks', {'ticket': ticket})
