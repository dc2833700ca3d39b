"""Customer behaviour classes 客户行为分类 (POLICY §1): loyal 忠诚 / satisfied 满意 / ordinary 一般 /
lost 流失, alongside the value tier, from purchase frequency, complaints and satisfaction.
"""
from collections import namedtuple

LOYAL, SATISFIED, ORDINARY, LOST = 'loyal', 'satisfied', 'ordinary', 'lost'
CLASSES = (LOYAL, SATISFIED, ORDINARY, LOST)

# Company-configurable thresholds:
# loyal_purchases: invoices in the trailing 12 months that make a frequent buyer;
# lost_months: months without a purchase after which a former buyer counts as lost;
# satisfied_score: average satisfaction (1-5) from which a customer counts as satisfied.
Params = namedtuple('Params', 'loyal_purchases lost_months satisfied_score')
DEFAULT_PARAMS = Params(4, 12, 4.0)

# A complaint's customer opinion 客户对处理结果的意见 on the 1-5 scale of visit surveys.
OPINION_SCORES = {'satisfied': 5.0, 'basically_satisfied': 3.0, 'dissatisfied': 1.0}

Facts = namedtuple('Facts', 'purchases months_since_purchase complaints dissatisfied satisfaction')
Facts.__new__.__defaults__ = (0, None, 0, 0, None)


def classify(facts, params=DEFAULT_PARAMS):
    """The behaviour class of a customer.

    - lost: bought before but not for ``lost_months`` months;
    - loyal: at least ``loyal_purchases`` purchases in 12 months, no complaint left dissatisfied, and a
      satisfaction (when measured) of at least ``satisfied_score``;
    - satisfied: bought in the last ``lost_months`` months, no complaint left dissatisfied and a measured
      satisfaction of at least ``satisfied_score``;
    - ordinary: everyone else (prospects, customers without satisfaction figures, or left dissatisfied).
    ``months_since_purchase`` is None for a customer who never bought.
    """
    since = facts.months_since_purchase
    if since is not None and since >= params.lost_months:
        return LOST
    if since is None:
        return ORDINARY
    content = not facts.dissatisfied
    measured_ok = facts.satisfaction is not None and facts.satisfaction >= params.satisfied_score
    if facts.purchases >= params.loyal_purchases and content and (
            facts.satisfaction is None or measured_ok):
        return LOYAL
    if content and measured_ok:
        return SATISFIED
    return ORDINARY


def average_satisfaction(opinions, visit_scores):
    """Average satisfaction on the 1-5 scale over complaint opinions and visit scores (None if none)."""
    values = [OPINION_SCORES[o] for o in opinions if o in OPINION_SCORES] + [
        float(s) for s in visit_scores if s]
    return sum(values) / len(values) if values else None
