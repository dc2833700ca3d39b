from psycopg2 import IntegrityError

from odoo.tools import mute_logger

from .complaint_common import ComplaintCase
from .common_followup import answer_referral


class TestRewardProposal(ComplaintCase):
    """Closing a complaint with a violation or mistake finding proposes draft fines, once per complaint."""

    @classmethod
    def setUpClass(cls):
        super(TestRewardProposal, cls).setUpClass()
        cls.accused = cls._user('accused', 'customer_service_mgmt.group_cs_agent')
        cls.agent.cs_manager_id = cls.manager
        cls.Record = cls.env['cs.reward.penalty']

    def _close(self, finding, accused=True):
        ticket = self._ticket(user_id=self.agent.id)
        ticket.write({'cs_accused_user_ids': [(6, 0, self.accused.ids if accused else [])],
                      'cs_finding': finding, 'cs_reply': '已致歉并整改', 'cs_customer_opinion': 'satisfied'})
        answer_referral(ticket)
        ticket.write({'stage_id': self.stage_done.id})
        return ticket

    def _proposals(self, ticket):
        return self.Record.search([('ticket_id', '=', ticket.id)])

    def test_violation_proposes_person_and_manager(self):
        """A violation proposes 200 for the accused and 100 for the handler's manager, as drafts."""
        ticket = self._close('violation')
        records = self._proposals(ticket)
        self.assertEqual({(r.user_id, r.band_role, r.amount, r.state, r.kind) for r in records}, {
            (self.accused, 'person', 200, 'draft', 'penalty'),
            (self.manager, 'manager', 100, 'draft', 'penalty')})
        self.assertTrue(all(records.mapped('proposed')))
        self.assertEqual(ticket.cs_reward_penalty_count, 2)
        # the fines are not posted in the complaint's chatter, which every colleague reads (issue 9)
        self.assertFalse(any('罚款建议' in (m.body or '') for m in ticket.message_ids))
        activity = ticket.activity_ids.filtered(lambda a: a.user_id == self.manager)
        self.assertIn('确认', activity.summary)

    def test_mistake_proposes(self):
        """A general mistake proposes fines too."""
        self.assertEqual(len(self._proposals(self._close('mistake'))), 2)

    def test_other_findings_propose_nothing(self):
        """Customer misunderstanding, product problem and other department propose nothing."""
        for finding in ('misunderstanding', 'product', 'other_department'):
            ticket = self._close(finding)
            self.assertFalse(self._proposals(ticket), finding)
            self.assertFalse(ticket.activity_ids.filtered(lambda a: a.summary == '确认罚款建议'))

    def test_once_per_complaint(self):
        """Reopening and closing again, or running the hook twice, proposes nothing new."""
        ticket = self._close('violation')
        first = self._proposals(ticket)
        # the site manager's own fine is cancelled by the general manager (nobody acts on his own)
        first.filtered(lambda r: r.band_role == 'manager').sudo(self.gm).action_cancel('经理已调离')
        ticket.write({'stage_id': self.stage_progress.id})
        ticket.write({'stage_id': self.stage_done.id})
        ticket._cs_on_complaint_closed()
        self.assertEqual(self._proposals(ticket), first)

    @mute_logger('odoo.sql_db')
    def test_database_refuses_a_second_proposal(self):
        """The unique index refuses a second proposal for the same complaint, person and role."""
        ticket = self._close('violation')
        with self.assertRaises(IntegrityError):
            self.Record.create({
                'user_id': self.accused.id, 'kind': 'penalty', 'reason_type': 'complaint', 'band_role': 'person',
                'amount': 300, 'ticket_id': ticket.id, 'proposed': True})

    def test_manager_adjusts_and_confirms(self):
        """The manager raises the proposed fine within the band and confirms it."""
        fine = self._proposals(self._close('violation')).filtered(lambda r: r.band_role == 'person')
        fine.sudo(self.manager).write({'amount': 800})
        fine.sudo(self.manager).action_confirm()
        self.assertEqual((fine.amount, fine.state), (800, 'confirmed'))
