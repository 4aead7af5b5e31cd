"""Choosing the place each span names: spans in, :class:`~geo.document.Mention` records out.

Each candidate gets a score from what is known before reading (its importance: population, feature
code, capital) and what the article says: the qualifier written with the name ("Kharkiv region"
is the oblast), the countries and regions the article names, the distance to the article's other
places, and explicit containers ("Riga, Latvia", "Izium in Kharkiv province"). A span is kept as a
place only when its context does not make it a person, an organisation or a title, and a weak
candidate (a village of 0 people named like a minister) needs the context to support it.

The confidence is the winner's share of the candidates' softmaxed scores, times how sure the
detection is; :mod:`geo.evaluation` measures how well it is calibrated.

Resolution is the pipeline's hot loop, so the work is arranged to be done once: what a name's
candidates are and what they score before the article is read (:class:`_Senses`) are kept across
articles; within an article, each candidate's distance to each resolved place and each candidate's
score given the article's countries and regions are computed once (:class:`_Scoring`), however
many spans and passes ask for them. The arithmetic is the same, in the same order, as scoring
every span from scratch: the scores are rounded and compared, so a reordered sum could flip a tie.

The stages of it, one module each: :mod:`~geo.resolution.policy` (every weight and threshold),
:mod:`~geo.resolution.senses` (a name's candidates, prepared once), :mod:`~geo.resolution.context`
(what an article says about where it is), :mod:`~geo.resolution.proximity` (distances to the
article's places), :mod:`~geo.resolution.scoring` (one article's rankings and confidences) and
:mod:`~geo.resolution.resolver` (the passes that choose each span's place).
"""
from geo.resolution.context import ArticleContext, Detection
from geo.resolution.policy import POLICY, TEMPERATURE, WEAK_PRIOR, Policy
from geo.resolution.resolver import NEGATIVE_CUES, Resolver
from geo.resolution.scoring import CALIBRATION_A, CALIBRATION_B, calibrated
from geo.resolution.senses import is_spelling_variant

__all__ = ["ArticleContext", "CALIBRATION_A", "CALIBRATION_B", "Detection", "NEGATIVE_CUES", "POLICY", "Policy", "Resolver",
           "TEMPERATURE", "WEAK_PRIOR", "calibrated", "is_spelling_variant"]
