from .common import CsCase


class CsRewardCase(CsCase):
    """Fixtures for rewards and penalties: two agents with a site manager, the default bands, a ticket."""

    @classmethod
    def setUpClass(cls):
        super(CsRewardCase, cls).setUpClass()
        cls.Record = cls.env['cs.reward.penalty']
        cls.agent2 = cls._user('agent2', 'customer_service_mgmt.group_cs_agent')
        cls.agent.cs_manager_id = cls.manager
        cls.agent2.cs_manager_id = cls.manager
        cls.band = {
            'person': cls.env.ref('customer_service_mgmt.cs_penalty_band_person'),
            'manager': cls.env.ref('customer_service_mgmt.cs_penalty_band_manager'),
        }
        cls.ticket = cls.env['helpdesk.ticket'].create({
            'name': '服务态度差', 'description': '<p>客户投诉服务态度</p>', 'partner_id': cls.customer.id})

    @classmethod
    def _fine(cls, user=None, amount=300, role='person', **extra):
        vals = {'user_id': (user or cls.agent).id, 'kind': 'penalty', 'reason_type': 'complaint',
                'band_role': role, 'amount': amount, 'ticket_id': cls.ticket.id}
        vals.update(extra)
        return cls.Record.sudo(cls.manager).create(vals)

    @classmethod
    def _praise(cls, user, date, written=True):
        return cls.env['cs.praise'].create({
            'partner_id': cls.customer.id, 'user_id': user.id, 'date': date, 'written': written,
            'text': '服务周到'})
