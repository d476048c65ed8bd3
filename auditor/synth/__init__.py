"""Synthetic dossier generator: realistic forms with planted defects, look-alikes and ground truth."""

from auditor.synth.generator import RULES, SynthDossier, generate_corpus, generate_dossier, plan_corpus

__all__ = ["RULES", "SynthDossier", "generate_corpus", "generate_dossier", "plan_corpus"]
