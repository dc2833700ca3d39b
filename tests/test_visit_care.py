from .common_visit import CsVisitCase


class TestVisitCare(CsVisitCase):
    """Customer care 客户关怀: birthdays and configured occasions give one care visit per contact,
    occasion and year, for the responsible salesperson, with an optional greeting mail."""

    @classmethod
    def setUpClass(cls):
        super(TestVisitCare, cls).setUpClass()
        cls.contact.write({'birthdate_date': '1980-11-24', 'email': 'zhaoliu@example.com', 'lang': 'zh_CN'})
        cls.birthday = cls.env.ref('customer_service_mgmt.cs_care_occasion_birthday')
        cls.spring = cls.env.ref('customer_service_mgmt.cs_care_occasion_spring_festival')
        cls.new_year = cls.env.ref('customer_service_mgmt.cs_care_occasion_new_year')

    def _care(self, occasion, partner):
        return self.Visit.search([('care_occasion_id', '=', occasion.id), ('contact_id', '=', partner.id)])

    def test_birthday_once_per_year(self):
        """Three days ahead, a care visit for the salesperson and a greeting mail; once; again next year."""
        self.Visit._cron_plan_care(today='2026-11-20')
        self.assertFalse(self._care(self.birthday, self.contact))
        self.Visit._cron_plan_care(today='2026-11-21')
        visit = self._care(self.birthday, self.contact)
        self.assertEqual(len(visit), 1)
        self.assertEqual((visit.origin, str(visit.planned_date), visit.care_year), ('care', '2026-11-24', 2026))
        self.assertEqual(visit.user_id, self.rep)
        self.assertEqual(visit.partner_id, self.customer)
        mails = self.env['mail.mail'].search([('model', '=', 'cs.visit'), ('res_id', '=', visit.id)])
        self.assertEqual(len(mails), 1)
        self.assertIn('zhaoliu@example.com', mails.email_to)
        self.assertIn('美好的祝福', mails.subject)  # the contact reads Chinese
        self.assertIn('生日', mails.body_html)
        self.Visit._cron_plan_care(today='2026-11-22')
        self.Visit._cron_plan_care(today='2026-11-24')
        self.assertEqual(len(self._care(self.birthday, self.contact)), 1)
        self.Visit._cron_plan_care(today='2027-11-22')
        self.assertEqual(sorted(self._care(self.birthday, self.contact).mapped('care_year')), [2026, 2027])

    def test_spring_festival_date_per_year(self):
        """The Spring Festival of 2027 (6 February) is planned ten days ahead for each customer, once."""
        self.Visit._cron_plan_care(today='2027-01-26')
        self.assertFalse(self._care(self.spring, self.customer))
        self.Visit._cron_plan_care(today='2027-01-27')
        self.Visit._cron_plan_care(today='2027-01-28')
        visit = self._care(self.spring, self.customer)
        self.assertEqual(len(visit), 1)
        self.assertEqual(str(visit.planned_date), '2027-02-06')

    def test_new_year_gift_and_survey(self):
        """On 1 December each customer gets the New Year gift visit with the survey of next year's needs."""
        self.Visit._cron_plan_care(today='2026-12-01')
        visit = self._care(self.new_year, self.customer)
        self.assertEqual(len(visit), 1)
        self.assertTrue(visit.check_needs)
        self.assertEqual(visit.method, 'onsite')

    def test_occasion_limited_to_tiers(self):
        """An occasion limited to VIP customers skips the others."""
        self.spring.tier_ids = self.tier['vip']
        self.Visit._cron_plan_care(today='2027-01-27')
        self.assertFalse(self._care(self.spring, self.customer))

