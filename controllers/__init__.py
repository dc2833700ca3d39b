from . import opinion
