import datetime

from odoo import fields
from odoo.exceptions import AccessError, UserError

from ..models.cs_guard_mixin import system_write
from ..policy import opinion_links
from .complaint_common import ComplaintAttackCase


class TestComplaintOpinionLink(ComplaintAttackCase):
    """The customer's own opinion: a signed, single-use, expiring link in the reply mail; the source is kept."""

    def setUp(self):
        super(TestComplaintOpinionLink, self).setUp()
        self.complaint = self._ticket(user_id=self.agent.id, cs_reply='已为您补发商品')
        self.complaint.sudo(self.agent).action_cs_send_reply()
        mail = self.complaint.message_ids.filtered(lambda m: '/cs/opinion/' in (m.body or ''))[:1]
        self.assertTrue(mail)
        self.token = mail.body.split('/cs/opinion/')[1].split('"')[0]

    def _names(self):
        return ['cs_customer_opinion', 'cs_opinion_source', 'cs_opinion_comment']

    def test_customer_answers_once(self):
        """The customer's answer is recorded with its source; the link then holds no more."""
        self.assertIn('满意', self.complaint.message_ids[0].body + self.complaint.message_ids[1].body)
        Ticket = self.Ticket.sudo()
        self.assertIsNone(Ticket._cs_record_customer_opinion(self.token, 'basically_satisfied', '速度还可以更快'))
        self.assertEqual((self.complaint.cs_customer_opinion, self.complaint.cs_opinion_source,
                          self.complaint.cs_opinion_comment), ('basically_satisfied', 'customer', '速度还可以更快'))
        before = self._snapshot(self.complaint, self._names())
        self.assertEqual(Ticket._cs_record_customer_opinion(self.token, 'dissatisfied', '').rule, 'used')
        self.assertEqual(self._snapshot(self.complaint, self._names()), before)

    def test_staff_entry_marked(self):
        """An opinion the staff enters is marked as entered by staff; indicators tell the two apart."""
        other = self._ticket(user_id=self.agent.id)
        other.sudo(self.agent).write({'cs_customer_opinion': 'satisfied'})
        self.assertEqual(other.cs_opinion_source, 'staff')
        self.Ticket.sudo()._cs_record_customer_opinion(self.token, 'satisfied', False)
        rows = self.env['cs.indicator'].read_group(
            [('source', '=', 'followup'), ('partner_id', '=', self.customer.id)],
            ['opinion_customer_count', 'opinion_staff_count'], [])
        self.assertEqual((rows[0]['opinion_customer_count'], rows[0]['opinion_staff_count']), (1, 1))

    def test_expired_forged_replaced(self):
        """An expired, forged or replaced link is refused; nothing written."""
        Ticket = self.Ticket.sudo()
        before = self._snapshot(self.complaint, self._names())
        ticket_id, expiry, sig = opinion_links.parse(self.token)
        for token in ('%d-%s-%s' % (ticket_id, (expiry + datetime.timedelta(days=30)).strftime('%Y%m%d'), sig),
                      '%d-%s-%s' % (self.ticket.id, expiry.strftime('%Y%m%d'), sig), 'abc', '0-20260101-x'):
            self.assertEqual(Ticket._cs_record_customer_opinion(token, 'satisfied', '').rule, 'forged', token)
        with system_write(self.Ticket._name, {'cs_opinion_expiry'}):
            self.complaint.write({'cs_opinion_expiry': '2020-01-01'})
        old = self.token
        self.complaint.sudo(self.agent).action_cs_send_reply()  # a new link replaces the old one
        self.assertEqual(Ticket._cs_record_customer_opinion(old, 'satisfied', '').rule, 'forged')
        self.assertEqual(self._snapshot(self.complaint, self._names()), before)

    def test_expired_link(self):
        """A link past its expiry day is refused."""
        ticket_id, expiry, sig = opinion_links.parse(self.token)
        nonce = self.complaint.sudo().cs_opinion_nonce
        past = fields.Date.from_string(fields.Date.context_today(self.complaint)) - datetime.timedelta(days=1)
        secret = self.Ticket._cs_opinion_secret()
        token = opinion_links.make_token(secret, self.complaint.id, nonce, past)
        self.assertEqual(self.Ticket.sudo()._cs_record_customer_opinion(token, 'satisfied', '').rule, 'expired')
        self.assertFalse(self.complaint.cs_customer_opinion)

    def test_bad_answer_refused(self):
        """An answer outside the three is refused and the link stays usable."""
        self.assertEqual(self.Ticket.sudo()._cs_record_customer_opinion(self.token, 'great', '').rule, 'bad_answer')
        self.assertFalse(self.complaint.cs_customer_opinion)
        self.assertIsNone(self.Ticket.sudo()._cs_record_customer_opinion(self.token, 'satisfied', ''))

    def test_protected_and_roles(self):
        """Source, comment and link are not written by users; the accused does not send the reply."""
        for name, value in (('cs_opinion_source', 'customer'), ('cs_opinion_comment', '伪造'),
                            ('cs_opinion_expiry', '2099-01-01')):
            self._attack(self.manager, AccessError, lambda t: t.with_context(cs_system=True).write({name: value}),
                         record=self.complaint, names=self._names())
        self.ticket.write({'cs_reply': '答复'})
        self._attack(self.accused, AccessError, lambda t: t.action_cs_send_reply(), names=['cs_opinion_expiry'])
        blank = self._ticket(user_id=self.agent.id)
        self._attack(self.agent, UserError, lambda t: t.action_cs_send_reply(), record=blank,
                     names=['cs_opinion_expiry'])
