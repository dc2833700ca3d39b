from odoo import fields

from .common import CsCase


class ComplaintCase(CsCase):
    """Fixtures of the complaint tests: the company counts deadlines in China's timezone on its standard
    calendar (Monday to Friday, 8:00-12:00 and 13:00-17:00), has a CS manager and a general manager to
    escalate to, and the customer reads mail in Chinese."""

    @classmethod
    def setUpClass(cls):
        super(ComplaintCase, cls).setUpClass()
        cls.company.partner_id.tz = 'Asia/Shanghai'
        cls.company.write({
            'cs_manager_user_id': cls.manager.id, 'cs_general_manager_id': cls.gm.id,
            'cs_department_head_id': False, 'cs_complaint_days': 3, 'cs_complaint_max_days': 7,
            'cs_consultation_hours': 24, 'cs_escalation_hours': 24, 'cs_retention_months': 12,
        })
        cls.calendar = cls.company.resource_calendar_id
        cls.customer.write({'email': 'kefu@customer.example.com', 'lang': 'zh_CN'})
        cls.stage_new = cls.env.ref('helpdesk_mgmt.helpdesk_ticket_stage_new')
        cls.stage_progress = cls.env.ref('helpdesk_mgmt.helpdesk_ticket_stage_in_progress')
        cls.stage_done = cls.env.ref('helpdesk_mgmt.helpdesk_ticket_stage_done')
        cls.Ticket = cls.env['helpdesk.ticket']

    @classmethod
    def _ticket(cls, user=None, **vals):
        """A ticket registered by ``user`` (the agent by default); a complaint unless told otherwise."""
        values = {'name': '送货延误三天', 'partner_id': cls.customer.id, 'cs_kind': 'complaint',
                  'description': '<p>客户反映订单迟迟未送达</p>'}
        values.update(vals)
        return cls.Ticket.sudo(user or cls.agent).create(values).sudo()

    @staticmethod
    def _complete(ticket):
        """Fill in what a complaint needs before closing."""
        ticket.write({'cs_finding': 'mistake', 'cs_reply': '已向客户致歉并安排补发',
                      'cs_customer_opinion': 'satisfied'})

    @staticmethod
    def _utc(ticket, name):
        return fields.Datetime.from_string(ticket[name])
