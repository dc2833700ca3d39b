from .complaint_common import ComplaintCase


class TestComplaintViews(ComplaintCase):
    """The ticket views an agent opens hold the complaint sections, in Chinese."""

    def test_agent_form_sections(self):
        """The form shows registration, deadline, investigation, reply and follow-up fields to an agent."""
        arch = self.Ticket.sudo(self.agent).fields_view_get(view_type='form')['arch']
        for name in ('cs_kind', 'cs_severity', 'cs_deadline', 'cs_first_responder_id', 'cs_accused_user_ids',
                     'cs_investigator_id', 'cs_finding', 'cs_action_ids', 'cs_reply', 'cs_customer_opinion',
                     'cs_spot_check', 'cs_important'):
            self.assertIn('name="%s"' % name, arch)
        self.assertIn('调查核实', arch)
        # the manager's buttons are hidden from an agent
        self.assertIn('string="延长期限" invisible="1"', arch)
        manager_arch = self.Ticket.sudo(self.manager).fields_view_get(view_type='form')['arch']
        self.assertIn('string="延长期限"', manager_arch)
        self.assertNotIn('string="延长期限" invisible="1"', manager_arch)

    def test_list_kanban_search(self):
        """The list decorates overdue tickets, the kanban has the overdue badge, the search its filters."""
        tree = self.Ticket.sudo(self.agent).fields_view_get(view_type='tree')['arch']
        self.assertIn('decoration-danger="cs_overdue"', tree)
        kanban = self.Ticket.sudo(self.agent).fields_view_get(view_type='kanban')['arch']
        self.assertIn('record.cs_overdue.raw_value', kanban)
        search = self.Ticket.sudo(self.agent).fields_view_get(view_type='search')['arch']
        for name in ('cs_overdue', 'cs_due_today', 'cs_due_this_week', 'group_cs_kind', 'group_cs_severity',
                     'group_category', 'group_channel', 'group_cs_finding'):
            self.assertIn('name="%s"' % name, search)

    def test_selection_labels_in_chinese(self):
        """Kinds, findings and opinions read in the policy's Chinese terms."""
        fields = self.Ticket.sudo(self.agent).fields_get(['cs_kind', 'cs_finding', 'cs_customer_opinion'])
        self.assertEqual(dict(fields['cs_kind']['selection'])['complaint'], '投诉')
        self.assertEqual(dict(fields['cs_finding']['selection'])['violation'], '违规失职')
        self.assertEqual(dict(fields['cs_customer_opinion']['selection'])['basically_satisfied'], '基本满意')
