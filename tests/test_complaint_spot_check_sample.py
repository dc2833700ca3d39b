import datetime

from odoo import fields
from odoo.exceptions import AccessError, ValidationError

from ..models.cs_guard_mixin import system_write
from ..policy import sampling
from .complaint_common import ComplaintCase


class TestComplaintSpotCheckSample(ComplaintCase):
    """抽查验证 on a sample: each month a reproducible share of last month's closed complaints, at least
    one per handler, for the quality supervisor; a failed check reopens with a new deadline."""

    @classmethod
    def setUpClass(cls):
        super(TestComplaintSpotCheckSample, cls).setUpClass()
        cls.agent2 = cls._user('agent2', 'customer_service_mgmt.group_cs_agent')
        cls.company.write({'cs_spot_check_share': 10.0, 'cs_spot_check_user_id': cls.quality.id})
        cls.today = datetime.date(2026, 3, 4)
        cls.closed = cls.Ticket.browse()
        for user, count in ((cls.agent, 3), (cls.agent2, 1)):
            for _i in range(count):
                ticket = cls._ticket(user=user, user_id=user.id, cs_registered_date='2026-02-02 01:00:00')
                cls._complete(ticket)
                ticket.write({'stage_id': cls.stage_done.id})
                with system_write(cls.Ticket._name, {'cs_closed_date'}):
                    ticket.write({'cs_closed_date': '2026-02-10 03:00:00'})
                cls.closed |= ticket

    def test_monthly_sample(self):
        """One handler's ticket at least each, the same draw as the seed gives, activities for the supervisor."""
        sample = self.env['cs.spot.check.sample']._cs_draw_samples(self.today)
        sample = sample.filtered(lambda s: s.company_id == self.company)
        self.assertEqual((sample.period, sample.user_id, sample.closed_count), ('2026-02', self.quality, 4))
        self.assertEqual(sample.ticket_ids.mapped('user_id'), self.agent | self.agent2)
        expected = sampling.draw([(t.id, t.user_id.id) for t in self.closed], 10.0,
                                 sampling.seed('2026-02', self.company.id))
        self.assertEqual(sorted(sample.ticket_ids.ids), expected)
        activities = self.env['mail.activity'].search([
            ('res_model', '=', 'helpdesk.ticket'), ('res_id', 'in', sample.ticket_ids.ids),
            ('user_id', '=', self.quality.id)])
        self.assertEqual(len(activities), len(sample.ticket_ids))
        self.assertFalse(self.env['cs.spot.check.sample']._cs_draw_samples(self.today))

    def test_share_outside_range_refused(self):
        """A share outside 0-100 % is refused (the administrator configures it); nothing written."""
        for share in (-5, 100.5):
            with self.assertRaisesRegex(ValidationError, '0 到 100'), self.env.cr.savepoint():
                self.company.write({'cs_spot_check_share': share})
            self.company.invalidate_cache()
            self.assertEqual(self.company.cs_spot_check_share, 10.0)

    def test_sample_not_written_by_users(self):
        """No user creates or changes a sample, whatever the context."""
        sample = self.env['cs.spot.check.sample']._cs_draw_samples(self.today)[:1]
        for user in (self.quality, self.manager):
            with self.assertRaises(AccessError), self.env.cr.savepoint():
                sample.sudo(user).with_context(cs_system=True).write({'share': 100})
            with self.assertRaises(AccessError), self.env.cr.savepoint():
                self.env['cs.spot.check.sample'].sudo(user).create({
                    'period': '2026-01', 'company_id': self.company.id, 'user_id': user.id})
        self.assertEqual(sample.share, 10.0)

    def test_failed_check_reopens_with_new_deadline(self):
        """A failed check reopens with a new deadline from now; the log names the supervisor."""
        ticket = self.closed[0]
        old = ticket.cs_deadline
        ticket.sudo(self.quality).action_cs_spot_check(False, '客户称问题仍未解决')
        self.assertFalse(ticket.stage_id.closed)
        self.assertGreater(ticket.cs_deadline, old)
        self.assertGreater(ticket.cs_deadline, fields.Datetime.now())
        self.assertTrue(ticket.message_ids.filtered(lambda m: self.quality.name in (m.body or '')))
