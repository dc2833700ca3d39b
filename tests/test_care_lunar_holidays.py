import datetime
import importlib.util

from odoo.exceptions import ValidationError
from odoo.modules.module import get_module_resource

from .common_visit import CsVisitCase


def _load_migration():
    path = get_module_resource('customer_service_mgmt', 'migrations', '11.0.1.1.0', 'post-lunar-holidays.py')
    spec = importlib.util.spec_from_file_location('cs_migration_lunar', path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


class TestCareLunarHolidays(CsVisitCase):
    """Lunar holidays come from the lunar calendar for any year, so greetings never stop."""

    @classmethod
    def setUpClass(cls):
        super(TestCareLunarHolidays, cls).setUpClass()
        cls.spring = cls.env.ref('customer_service_mgmt.cs_care_occasion_spring_festival')
        cls.autumn = cls.env.ref('customer_service_mgmt.cs_care_occasion_mid_autumn')
        cls.dragon = cls.env.ref('customer_service_mgmt.cs_care_occasion_dragon_boat')

    def test_known_dates(self):
        """Spring Festival, Dragon Boat and Mid-Autumn fall on their published dates, 2026 to 2045."""
        self.assertEqual(self.spring._cs_date_in(2026), datetime.date(2026, 2, 17))
        self.assertEqual(self.spring._cs_date_in(2031), datetime.date(2031, 1, 23))
        self.assertEqual(self.dragon._cs_date_in(2026), datetime.date(2026, 6, 19))
        self.assertEqual(self.autumn._cs_date_in(2030), datetime.date(2030, 9, 12))
        self.assertEqual(self.autumn._cs_date_in(2045), datetime.date(2045, 9, 25))
        self.assertEqual(self.spring._cs_date_in(2045), datetime.date(2045, 2, 17))

    def test_greeting_in_2045(self):
        """In 2045, nine days before the Spring Festival, the care visit is planned: no table ran out."""
        self.Visit._cron_plan_care(today='2045-02-08')
        visits = self.Visit.search([('care_occasion_id', '=', self.spring.id), ('care_year', '=', 2045),
                                    ('partner_id', '=', self.customer.id)])
        self.assertTrue(visits)
        self.assertEqual(str(visits[0].planned_date), '2045-02-17')

    def test_outside_calendar(self):
        """Beyond the calendar's range there is no date (logged), not a crash of the cron."""
        self.assertIsNone(self.spring._cs_date_in(2150))

    def test_bad_lunar_date_refused(self):
        """A lunar month 13 or day 31 is refused, nothing written."""
        for vals in ({'lunar_month': 13}, {'lunar_day': 31}, {'lunar_month': 0, 'lunar_day': 5}):
            with self.subTest(vals=vals), self.assertRaises(ValidationError), self.env.cr.savepoint():
                self.autumn.sudo(self.manager).write(vals)
        self.autumn.invalidate_cache()
        self.assertEqual((self.autumn.lunar_month, self.autumn.lunar_day), (8, 15))

    def test_migration_sets_lunar_dates(self):
        """An update from 11.0.1.0.0 gives the (noupdate) Spring Festival its lunar date."""
        self.env.cr.execute('UPDATE cs_care_occasion SET lunar_month = NULL, lunar_day = NULL WHERE id = %s',
                            (self.spring.id,))
        _load_migration().migrate(self.env.cr, '11.0.1.0.0')
        self.spring.invalidate_cache()
        self.assertEqual((self.spring.lunar_month, self.spring.lunar_day), (1, 1))
