from odoo import SUPERUSER_ID, _, api, models
from odoo.exceptions import AccessError, UserError

from ..policy import values as value_policy
from .cs_scope import Scope

# The addon's own code paths mark the protected fields they are about to write in a thread-local
# register (which a web API caller cannot set, unlike a context key); the guard lets those through.
_system = Scope()
MODULE = 'customer_service_mgmt'


def system_write(model_name, names):
    """Within this block the addon's code may write ``names`` of ``model_name`` (and the host's sync of
    them, e.g. to a customer's contacts)."""
    return _system((model_name, frozenset(names)))


def _allowed(model_name):
    names = set()
    for name, granted in _system.values():
        if name == model_name:
            names |= granted
    return names


class CsGuardMixin(models.AbstractModel):
    """Every rule holds on every path (POLICY §8). A model of the addon (or a host model it extends)
    names the fields users never write, the values the addon stamps or computes
    (:meth:`_cs_protected_fields`), and calls :meth:`_cs_guard_create` / :meth:`_cs_guard_write` first
    thing in its ``create`` / ``write``: a user's create or write of such a field is refused, whatever the
    caller (form, web API, import), unless it leaves the value as it is. The addon's own code writes them
    through :meth:`_cs_system_write` / :meth:`_cs_system_create` (or as the superuser).

    The same guard refuses bad values for the addon's fields with a message naming the field: wrong
    types, NaN or infinite amounts, NUL characters, impossible dates, text made only of (ideographic,
    zero-width) spaces, and records of another company."""
    _name = 'cs.guard.mixin'
    _description = 'Customer Service Guard'

    # ------------------------------------------------------------------ hooks

    @api.model
    def _cs_protected_fields(self):
        """The fields only the addon's code writes (stamps, computed values, states)."""
        return set()

    @api.model
    def _cs_checked_fields(self):
        """The fields whose values the guard validates: the addon's own."""
        return {name for name, field in self._fields.items()
                if field._module == MODULE and not field.compute and name not in models.MAGIC_COLUMNS}

    @api.multi
    def _cs_protected_change_allowed(self, name, value):
        """Whether writing ``value`` into protected field ``name`` of ``self`` is acceptable anyway
        (e.g. a contact receiving its company's value from the host's commercial sync)."""
        return False

    # ------------------------------------------------------------------ guards

    @api.model
    def _cs_guard_create(self, vals):
        """Check ``vals`` of a create; returns the model to create with: its context no longer carries
        ``default_<protected field>`` keys (a web API caller could put a state there)."""
        self._cs_check_values(vals)
        if self._cs_is_system():
            return self
        protected = self._cs_protected_fields() - _allowed(self._name)
        for name in sorted(protected & set(vals)):
            field = self._fields[name]
            default = field.default(self) if field.default else False
            if not self._cs_same_value(self.new({}), name, vals[name], default):
                raise AccessError(self._cs_protected_message(name))
        context = {k: v for k, v in self.env.context.items()
                   if not (k.startswith('default_') and k[len('default_'):] in protected)}
        return self.with_context(context) if len(context) != len(self.env.context) else self

    @api.multi
    def _cs_guard_write(self, vals):
        """Check ``vals`` of a write on ``self``."""
        self._cs_check_values(vals)
        if self._cs_is_system():
            return
        protected = self._cs_protected_fields() - _allowed(self._name)
        for name in sorted(protected & set(vals)):
            for record in self:
                if record._cs_same_value(record, name, vals[name]) \
                        or record._cs_protected_change_allowed(name, vals[name]):
                    continue
                raise AccessError(record._cs_protected_message(name))

    @api.multi
    def _cs_system_write(self, vals):
        """The addon's own write of protected fields, as the current user (tracking names them)."""
        with system_write(self._name, vals):
            return self.write(vals)

    @api.model
    def _cs_system_create(self, vals):
        with system_write(self._name, vals):
            return self.create(vals)

    @api.model
    def _cs_is_system(self):
        return self.env.uid == SUPERUSER_ID

    # ------------------------------------------------------------------ helpers

    @api.multi
    def _cs_field_label(self, name):
        return self._fields[name].get_description(self.env)['string']

    @api.multi
    def _cs_record_label(self):
        if len(self) == 1 and self.id:
            return self.sudo().display_name
        return self._description and _(self._description) or self._name

    @api.multi
    def _cs_protected_message(self, name):
        return _('"%(field)s" of %(record)s is set by the system (its action, stamp or calculation): it '
                 'cannot be written directly.') % {'field': self._cs_field_label(name),
                                                   'record': self._cs_record_label()}

    @api.multi
    def _cs_same_value(self, record, name, value, current=None):
        """Whether ``value`` (as a create/write gives it) equals the field's current value (or ``current``)."""
        field = self._fields[name]
        if field.type in ('one2many', 'many2many'):
            return not value
        try:
            cached = field.convert_to_cache(value, record, validate=False)
            new = field.convert_to_write(field.convert_to_record(cached, record), record)
        except Exception:  # noqa: B902 - a value that does not even convert is a change
            return False
        if current is None:
            old = field.convert_to_write(record[name], record)
        else:
            old = field.convert_to_write(field.convert_to_record(
                field.convert_to_cache(current, record, validate=False), record), record)
        if field.type in ('float', 'monetary'):
            return abs((new or 0.0) - (old or 0.0)) < 1e-6
        return (new or False) == (old or False)

    @api.multi
    def _cs_check_values(self, vals):
        """Refuse, naming the field, values the addon's fields cannot hold (nothing is written)."""
        checked = self._cs_checked_fields()
        for name in sorted(set(vals) & checked):
            field, value = self._fields[name], vals[name]
            problem = self._cs_value_problem(field, value)
            if problem:
                raise UserError(self._cs_value_message(name, value, problem))

    @api.model
    def _cs_clean_reason(self, value, blank_message, name='reason'):
        """``value`` for the text field ``name`` as a reason: a UserError naming the field for a wrong type or
        NUL, ``blank_message`` when it is only spaces, else the text without surrounding spaces."""
        problem = value_policy.text_problem(value)
        if problem in ('type', 'nul'):
            raise UserError(self._cs_value_message(name, value, problem))
        if value_policy.is_blank(value):
            raise UserError(blank_message)
        return value_policy.clean(value)

    @api.model
    def _cs_value_problem(self, field, value):
        kind = field.type
        if kind in ('char', 'text', 'html'):
            problem = value_policy.text_problem(value)
            if problem == 'blank' and kind == 'html':
                return None
            return problem
        if kind in ('float', 'monetary'):
            return value_policy.number_problem(value)
        if kind == 'integer':
            return value_policy.number_problem(value, integer=True)
        if kind == 'date':
            return value_policy.date_problem(value)
        if kind == 'datetime':
            return value_policy.date_problem(value, with_time=True)
        if kind == 'boolean':
            return None if value in (True, False, None, 0, 1) else 'type'
        if kind == 'selection':
            if value is False or value is None:
                return None
            allowed = [key for key, _label in field._description_selection(self.env)]
            return None if value in allowed else 'choice'
        if kind == 'many2one':
            return self._cs_many2one_problem(field, value)
        return None

    @api.model
    def _cs_many2one_problem(self, field, value):
        if value is False or value is None:
            return None
        if isinstance(value, models.BaseModel):
            value = value.id
        if isinstance(value, bool) or not isinstance(value, int) or value <= 0:
            return 'type'
        target = self.env[field.comodel_name].sudo().with_context(active_test=False).browse(value)
        if not target.exists():
            return 'missing'
        company_field = target._fields.get('company_id')
        if company_field and company_field.type == 'many2one' and field.comodel_name != 'res.company' \
                and not self._cs_is_system():
            company = target.company_id
            if company and company not in self.env.user.company_ids:
                return 'company'
        if field.comodel_name == 'res.company' and not self._cs_is_system() \
                and target not in self.env.user.company_ids:
            return 'company'
        return None

    @api.model
    def _cs_value_message(self, name, value, problem):
        label = self._cs_field_label(name)
        messages = {
            'type': _('"%(field)s" cannot hold the value %(value)s: wrong type.'),
            'nul': _('"%(field)s" cannot contain NUL characters.'),
            'blank': _('"%(field)s" cannot be only spaces: write it out or leave it empty.'),
            'nan': _('"%(field)s" needs a finite number, not %(value)s.'),
            'date': _('"%(field)s": %(value)s is not a valid date.'),
            'choice': _('"%(field)s": %(value)s is not one of its choices.'),
            'missing': _('"%(field)s": the record %(value)s does not exist.'),
            'company': _('"%(field)s": the record %(value)s belongs to another company.'),
        }
        shown = repr(value) if not isinstance(value, str) else value.replace('\x00', '\\0')[:80]
        return messages[problem] % {'field': label, 'value': shown}
