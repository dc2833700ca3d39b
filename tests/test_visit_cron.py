from .common_visit import CsVisitCase


class TestVisitCron(CsVisitCase):
    """The three daily crons of the return visits are active, repeat forever and run."""

    @classmethod
    def setUpClass(cls):
        super(TestVisitCron, cls).setUpClass()
        cls._make_general(cls.customer)

    def test_crons_declared_and_run(self):
        """Planning, reminders and care crons: daily, numbercall -1, and a direct run plans the customer."""
        for xmlid in ('ir_cron_cs_plan_visits', 'ir_cron_cs_remind_visits', 'ir_cron_cs_plan_care'):
            cron = self.env.ref('customer_service_mgmt.%s' % xmlid)
            self.assertTrue(cron.active)
            self.assertEqual(cron.numbercall, -1)
            self.assertEqual((cron.interval_number, cron.interval_type), (1, 'days'))
            cron.method_direct_trigger()
        self.assertTrue(self._visits(self.customer, origin='policy'))

    def test_plan_button(self):
        """The policy's button plans the due visits at once."""
        self.policy.sudo(self.manager).action_plan_now()
        self.assertTrue(self._visits(self.customer, origin='policy'))
