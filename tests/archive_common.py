from .common import CsCase

# The tier that gives each confidentiality level by default (POLICY §5).
LEVEL_TIER = {'secret': 'general', 'confidential': 'key', 'top_secret': 'vip'}


class CsArchiveCase(CsCase):
    """Fixtures for customer archives: the salesperson and information supervisor next to the common
    users, and helpers that make a customer of a given level owned by a given salesperson."""

    @classmethod
    def setUpClass(cls):
        super(CsArchiveCase, cls).setUpClass()
        cls.Archive = cls.env['cs.customer.archive']
        cls.Log = cls.env['cs.archive.access.log']
        cls.salesperson = cls._user('salesperson', 'customer_service_mgmt.group_cs_salesperson')
        cls.info = cls._user('info', 'customer_service_mgmt.group_cs_info_supervisor')
        cls.plain = cls._user('plain', 'base.group_user')

    @classmethod
    def _customer(cls, name, level='secret', owner=None):
        """A customer company in the tier of ``level``, with ``owner`` as salesperson."""
        partner = cls.env['res.partner'].create({
            'name': name, 'is_company': True, 'customer': True, 'user_id': owner.id if owner else False})
        tier = cls.tier[LEVEL_TIER[level]]
        if tier != partner.cs_tier_id:
            partner.write({'cs_tier_id': tier.id, 'cs_tier_pinned': True, 'cs_tier_pin_reason': '测试'})
        return partner

    @classmethod
    def _archive(cls, name, level='secret', owner=None, **vals):
        partner = cls._customer(name, level, owner)
        return cls.Archive.create(dict({'partner_id': partner.id, 'organisation': '董事会 - 总经理'}, **vals))

    def _logs(self, archive):
        return self.Log.search([('archive_id', '=', archive.id)])
