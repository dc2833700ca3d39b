from odoo import SUPERUSER_ID, api, fields, models
from odoo.exceptions import AccessError

from . import cs_roles


class ResUsers(models.Model):
    """Who a user is for the policy: the one place that answers "is this user a customer service
    manager / general manager / quality supervisor ..." (POLICY §7). The superuser (the server's own
    code paths: crons, ``sudo()``) holds every role."""
    _inherit = 'res.users'

    cs_manager_id = fields.Many2one(
        'res.users', string='First responsible manager',
        help='The site manager answerable for this person\'s service 现场第一责任人: proposed for a fine '
             'with them when a complaint against them is verified.')
    cs_department_manager_id = fields.Many2one(
        'res.users', string='Department manager',
        help='The direct superior 部门经理 who approves this person\'s requests to borrow a customer archive '
             '(借阅卡) and is named on the card (领导责任).')

    @api.multi
    def _cs_has_role(self, group_xmlid):
        self.ensure_one()
        return self.id == SUPERUSER_ID or self.has_group(group_xmlid)

    @api.multi
    def _cs_is_agent(self):
        return self._cs_has_role(cs_roles.AGENT)

    @api.multi
    def _cs_is_manager(self):
        return self._cs_has_role(cs_roles.MANAGER)

    @api.multi
    def _cs_is_gm(self):
        return self._cs_has_role(cs_roles.GM)

    @api.multi
    def _cs_is_deputy_gm(self):
        """The deputy general manager in charge 主管副总 (a role of its own: the general manager decides what
        the deputy approves, but is not the deputy; a company without one needs no deputy's approval)."""
        return self._cs_has_role(cs_roles.DEPUTY_GM)

    @api.multi
    def _cs_is_quality(self):
        return self._cs_has_role(cs_roles.QUALITY)

    @api.multi
    def _cs_is_info_supervisor(self):
        return self._cs_has_role(cs_roles.INFO_SUPERVISOR)

    @api.multi
    def _cs_is_department_manager(self):
        return self._cs_has_role(cs_roles.DEPARTMENT_MANAGER)

    @api.multi
    def _cs_is_salesperson(self):
        return self._cs_has_role(cs_roles.SALESPERSON)

    @api.multi
    def _cs_is_admin(self):
        return self._cs_has_role(cs_roles.SYSTEM)

    @api.multi
    def _cs_is_accused(self, ticket):
        """Whether this user is among the accused staff 被投诉人 of ``ticket`` (read as the server)."""
        self.ensure_one()
        return self.id != SUPERUSER_ID and self in ticket.sudo().cs_accused_user_ids

    @api.multi
    def _cs_site_manager(self):
        """The site sales manager 现场销售经理 of this user's site 销售现场, its first responsible person
        第一责任人 (POLICY §2, seed 000 四): the leader of the user's sales team when the host's sales teams
        are installed, else the site manager recorded on the user. Empty when neither is known."""
        self.ensure_one()
        user = self.sudo()
        if 'crm.team' in self.env:
            Team = self.env['crm.team'].sudo()
            team = user.sale_team_id if 'sale_team_id' in user._fields else Team
            if not team and 'member_ids' in Team._fields:
                team = Team.search([('member_ids', 'in', user.ids)], limit=1)
            if team.user_id:
                return team.user_id
        return user.cs_manager_id

    @api.multi
    def _cs_require(self, predicate, message):
        """Raise AccessError(message) unless ``predicate(self)``; ``message`` is already translated."""
        self.ensure_one()
        if not predicate(self):
            raise AccessError(message)
        return True
