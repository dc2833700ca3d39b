from .complaint_common import ComplaintCase


class EscalationCase(ComplaintCase):
    """The regulations' chain: the agent handles complaints about an accused colleague whose site sales
    manager is known; the company has a department manager and a deputy general manager in charge."""

    @classmethod
    def setUpClass(cls):
        super(EscalationCase, cls).setUpClass()
        cls.accused = cls._user('accused', 'customer_service_mgmt.group_cs_agent')
        cls.site_manager = cls._user('site_manager', 'customer_service_mgmt.group_cs_salesperson')
        cls.department_manager = cls._user('department_manager', 'customer_service_mgmt.group_cs_department_manager')
        cls.deputy_gm = cls._user('deputy_gm', 'customer_service_mgmt.group_cs_deputy_gm')
        cls.accused.cs_manager_id = cls.site_manager
        cls.company.write({'cs_department_head_id': cls.department_manager.id, 'cs_deputy_gm_id': cls.deputy_gm.id})

    def _case(self, **vals):
        values = {'user_id': self.agent.id, 'cs_accused_user_ids': [(6, 0, self.accused.ids)]}
        values.update(vals)
        return self._ticket(**values)

    def _activities(self, ticket, user):
        return self.env['mail.activity'].search([
            ('res_model', '=', 'helpdesk.ticket'), ('res_id', '=', ticket.id), ('user_id', '=', user.id)])
