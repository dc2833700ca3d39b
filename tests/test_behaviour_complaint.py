from .complaint_common import ComplaintCase
from .common_followup import answer_referral


class TestBehaviourComplaint(ComplaintCase):
    """Complaints and their outcome weigh on the behaviour class."""

    def _buy(self):
        for months in (1, 3, 5, 7):
            self._invoice(self.customer, 1000, months_ago=months)

    def test_dissatisfied_complaint_breaks_loyalty(self):
        """A frequent buyer whose complaint closed dissatisfied is ordinary, not loyal."""
        self._buy()
        ticket = self._ticket(user_id=self.agent.id)
        ticket.write({'cs_finding': 'product', 'cs_reply': '已更换', 'cs_customer_opinion': 'dissatisfied'})
        ticket.action_cs_dissatisfied_followup('revisit', '销售经理回访')
        answer_referral(ticket)
        ticket.write({'stage_id': self.stage_done.id})
        self.customer.cs_recompute_behaviour()
        self.assertEqual(self.customer.cs_behaviour, 'ordinary')

    def test_satisfied_complaint_keeps_loyalty(self):
        """A complaint resolved to the customer's satisfaction keeps a frequent buyer loyal."""
        self._buy()
        ticket = self._ticket(user_id=self.agent.id)
        ticket.write({'cs_finding': 'product', 'cs_reply': '已更换', 'cs_customer_opinion': 'satisfied'})
        answer_referral(ticket)
        ticket.write({'stage_id': self.stage_done.id})
        self.customer.cs_recompute_behaviour()
        self.assertEqual(self.customer.cs_behaviour, 'loyal')
