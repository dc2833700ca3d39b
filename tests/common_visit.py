import datetime

from .common import CsCase


class CsVisitCase(CsCase):
    """Return-visit fixtures: the shipped policy with its visitor roles held by test users, a
    salesperson for the customer, and helpers to plan on a given day and read the plan back."""

    @classmethod
    def setUpClass(cls):
        super(CsVisitCase, cls).setUpClass()
        cls.Visit = cls.env['cs.visit']
        cls.policy = cls.env.ref('customer_service_mgmt.cs_visit_policy_main')
        cls.line = {
            'vip_deputy': cls.env.ref('customer_service_mgmt.cs_visit_policy_line_vip_deputy'),
            'vip_gm': cls.env.ref('customer_service_mgmt.cs_visit_policy_line_vip_gm'),
            'key_head': cls.env.ref('customer_service_mgmt.cs_visit_policy_line_key_head'),
            'general_head': cls.env.ref('customer_service_mgmt.cs_visit_policy_line_general_head'),
            'all_rep': cls.env.ref('customer_service_mgmt.cs_visit_policy_line_all_rep'),
        }
        cls.rep = cls._user('rep', 'customer_service_mgmt.group_cs_agent')
        cls.head = cls._user('head', 'customer_service_mgmt.group_cs_agent')
        cls.deputy = cls._user('deputy', 'customer_service_mgmt.group_cs_manager')
        cls.sales_manager = cls._user('sales_manager', 'customer_service_mgmt.group_cs_agent')
        cls.policy.write({
            'head_user_id': cls.head.id,
            'deputy_gm_user_id': cls.deputy.id,
            'gm_user_id': cls.gm.id,
            'sales_manager_user_id': cls.sales_manager.id,
            'supervisor_user_id': cls.manager.id,
        })
        cls.customer.user_id = cls.rep
        # a fixed day keeps the periods of the assertions stable: 22 November 2026, in Q4
        cls.day = datetime.date(2026, 11, 22)

    @classmethod
    def _make_general(cls, partners):
        """General customers, pinned (as a manager would): the seeds' monthly on-site visit by the rep
        applies to general customers (POLICY §3), not to prospects in reserve."""
        general = cls.env.ref('customer_service_mgmt.cs_tier_general')
        cls.env.cr.execute("""UPDATE res_partner SET cs_tier_id = %s, cs_tier_pinned = TRUE, cs_tier_pin_reason = '测试'
                               WHERE commercial_partner_id = ANY(%s)""", (general.id, partners.ids))
        partners.invalidate_cache()

    def _set_tier(self, partner, code):
        """A manager pins the tier (an ORM write, as from the customer form)."""
        partner.sudo(self.manager)._cs_write_as_of({
            'cs_tier_id': self.tier[code].id, 'cs_tier_pinned': True, 'cs_tier_pin_reason': '测试'}, self.day)

    def _plan(self, today=None):
        return self.Visit._cron_plan_visits(today=today or self.day)

    def _visits(self, partner, **domain):
        args = [('partner_id', '=', partner.id)] + [(k, '=', v) for k, v in domain.items()]
        return self.Visit.search(args)

    def _plan_of(self, partner, state='planned'):
        """{(rule, period key)} of the customer's policy visits in a state."""
        return {(v.policy_line_id, v.period_key) for v in self._visits(partner, origin='policy', state=state)}
