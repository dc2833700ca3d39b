from odoo import _, api, models
from odoo.exceptions import UserError


class CsRegisterMixin(models.AbstractModel):
    """An append-only register (借阅登记, blacklist overrides): lines are written once; only the
    administrator (superuser or Settings group) may correct or delete them. The guard's helpers name the
    register's fields in refusals (e.g. a reason with a NUL character)."""
    _name = 'cs.register.mixin'
    _inherit = ['cs.guard.mixin']
    _description = 'Append-only Register'

    @api.multi
    def write(self, vals):
        self._cs_check_append_only()
        return super(CsRegisterMixin, self).write(vals)

    @api.multi
    def unlink(self):
        self._cs_check_append_only()
        return super(CsRegisterMixin, self).unlink()

    @api.model
    def _cs_check_append_only(self):
        if not self.env.user._cs_is_admin():
            raise UserError(self._cs_register_message())

    @api.model
    def _cs_register_message(self):
        """The refusal users read, naming the register."""
        return _('This register cannot be changed or deleted.')
