from odoo.exceptions import ValidationError

from .complaint_common import ComplaintCase


class TestComplaintRecusal(ComplaintCase):
    """The accused staff member 被投诉人 recuses: never handler nor investigator (回避)."""

    def setUp(self):
        super(TestComplaintRecusal, self).setUp()
        self.ticket = self._ticket(cs_accused_user_ids=[(6, 0, [self.quality.id])])

    def test_accused_cannot_be_handler(self):
        """Assigning the accused as handler is refused with the recusal rule; nothing written."""
        with self.assertRaisesRegex(ValidationError, '回避'), self.env.cr.savepoint():
            self.ticket.sudo(self.manager).write({'user_id': self.quality.id})
        self.ticket.invalidate_cache()
        self.assertFalse(self.ticket.user_id)

    def test_accused_cannot_be_investigator(self):
        """Naming the accused as investigator is refused."""
        with self.assertRaisesRegex(ValidationError, '不能担任其调查人'), self.env.cr.savepoint():
            self.ticket.sudo(self.manager).write({'cs_investigator_id': self.quality.id})
        self.ticket.invalidate_cache()
        self.assertFalse(self.ticket.cs_investigator_id)

    def test_accusing_the_handler_refused(self):
        """Adding the current handler to the accused is refused as well: they must be replaced first."""
        self.ticket.sudo(self.manager).write({'user_id': self.agent.id, 'cs_investigator_id': self.manager.id})
        with self.assertRaisesRegex(ValidationError, '不能担任其处理人'):
            self.ticket.sudo(self.manager).write({'cs_accused_user_ids': [(4, self.agent.id)]})

    def test_other_staff_may_handle(self):
        """Someone who is not accused handles and investigates."""
        self.ticket.sudo(self.manager).write({'user_id': self.agent.id, 'cs_investigator_id': self.manager.id})
        self.assertEqual(self.ticket.user_id, self.agent)
        self.assertEqual(self.ticket.cs_investigator_id, self.manager)
