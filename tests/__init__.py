from . import test_tier_table
from . import test_tier_amount
from . import test_tier_recompute
from . import test_tier_access
from . import test_i18n
from . import test_archive_access_matrix
