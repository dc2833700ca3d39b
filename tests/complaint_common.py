from odoo import fields

from ..models.cs_guard_mixin import system_write
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
        """A ticket registered by ``user`` (the agent by default); a complaint unless told otherwise. The
        system's values among ``vals`` (a back-dated registration, say) are given as the addon's own code
        gives them, since no user may write them."""
        values = {'name': '送货延误三天', 'partner_id': cls.customer.id, 'cs_kind': 'complaint',
                  'description': '<p>客户反映订单迟迟未送达</p>'}
        values.update(vals)
        stamps = cls.Ticket._cs_protected_fields() & set(values)
        with system_write(cls.Ticket._name, stamps):
            return cls.Ticket.sudo(user or cls.agent).create(values).sudo()

    @staticmethod
    def _complete(ticket):
        """Fill in what a complaint needs before closing."""
        ticket.write({'cs_finding': 'mistake', 'cs_reply': '已向客户致歉并安排补发',
                      'cs_customer_opinion': 'satisfied'})

    @staticmethod
    def _utc(ticket, name):
        return fields.Datetime.from_string(ticket[name])


class ComplaintAttackCase(ComplaintCase):
    """The attack suites of the complaints: each attack runs as a real user and must be refused with
    nothing written."""

    @classmethod
    def setUpClass(cls):
        super(ComplaintAttackCase, cls).setUpClass()
        cls.accused = cls._user('accused', 'customer_service_mgmt.group_cs_agent')
        cls.ticket = cls._ticket(user_id=cls.agent.id, cs_accused_user_ids=[(6, 0, cls.accused.ids)],
                                 cs_investigation='初步核实', cs_rectification_plan='加强培训')
        cls.other_company = cls.env['res.company'].create({'name': '另一家公司'})
        cls.stranger = cls.env['res.users'].with_context(no_reset_password=True).create({
            'name': 'stranger', 'login': 'cs_test_stranger', 'company_id': cls.other_company.id,
            'company_ids': [(6, 0, cls.other_company.ids)],
            'groups_id': [(6, 0, [cls.env.ref('base.group_user').id,
                                  cls.env.ref('customer_service_mgmt.group_cs_agent').id])]})

    def _snapshot(self, record, names):
        record.invalidate_cache()
        values = record.sudo().read(names)[0]
        values.pop('id', None)
        return values

    def _attack(self, user, exception, call, record=None, names=(), message=None):
        """``call(model_or_record_as_user)`` raises ``exception`` and leaves ``names`` of ``record`` as they were."""
        record = record if record is not None else self.ticket
        before = self._snapshot(record, list(names)) if names else None
        with self.assertRaises(exception) as caught, self.env.cr.savepoint():
            call(record.sudo(user))
        if message:
            self.assertIn(message, caught.exception.args[0])
        if names:
            self.assertEqual(self._snapshot(record, list(names)), before)
        return caught.exception

