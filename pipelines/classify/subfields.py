"""The ML subfields of a posting (SUBFIELDS), from its title, skills and description."""

from __future__ import annotations

import re
from functools import lru_cache

import ahocorasick

from pipelines.classify.jobwords import MLOPS, MLOPS_KEYS, rx, wordset
from pipelines.folding import fold
from pipelines.skills import extract_skills
from pipelines.text import any_in

SUBFIELDS: tuple[str, ...] = (
    "nlp",
    "llm",
    "computer_vision",
    "speech",
    "reinforcement_learning",
    "recommender_systems",
    "time_series",
    "robotics",
    "generative_ai",
    "mlops",
)


_SUBFIELD_SKILLS: dict[str, frozenset[str]] = {
    "nlp": wordset(
        "nlp spacy nltk gensim bert nlg sentence-transformers fairseq information-retrieval "
        "knowledge-graphs"
    ),
    "llm": wordset(
        "llm rag langchain langgraph langsmith langfuse llamaindex vllm sglang tensorrt-llm tgi "
        "ollama llama-cpp openai anthropic gemini llama mistral deepseek qwen prompt-engineering "
        "rlhf dpo lora peft llm-evaluation llmops semantic-kernel autogen crewai dspy "
        "function-calling mcp ai-agents vector-database pinecone weaviate qdrant milvus chroma "
        "pgvector azure-openai bedrock guardrails pydantic-ai openai-agents-sdk "
        "speculative-decoding mixture-of-experts trl unsloth megatron-lm"
    ),
    "computer_vision": wordset(
        "computer-vision opencv object-detection image-segmentation ocr yolo detectron2 "
        "mmdetection torchvision timm slam lidar pose-estimation face-recognition "
        "medical-imaging mediapipe cnn computer-graphics"
    ),
    "speech": wordset(
        "speech-recognition text-to-speech audio-processing whisper kaldi espnet librosa"
    ),
    "reinforcement_learning": wordset("reinforcement-learning gymnasium stable-baselines3 rllib"),
    "recommender_systems": wordset("recommender-systems learning-to-rank"),
    "time_series": wordset("time-series prophet sktime"),
    "robotics": wordset("robotics ros slam sensor-fusion autonomous-driving simulation"),
    "generative_ai": wordset(
        "generative-ai stable-diffusion diffusion-models gans vae diffusers text-to-image "
        "synthetic-data"
    ),
    "mlops": wordset(
        "mlops mlflow kubeflow wandb comet-ml neptune-ai dvc bentoml seldon kserve "
        "triton-inference-server torchserve tensorflow-serving feature-store evidently arize "
        "model-monitoring model-serving metaflow zenml clearml experiment-tracking "
        "model-registry ml-pipelines sagemaker vertex-ai azure-ml llmops sagemaker-pipelines "
        "vertex-pipelines mlrun ray-ml"
    ),
}
_SUBFIELD_WORDS: dict[str, re.Pattern[str]] = {
    "nlp": rx(
        r"\bnlp\b|natural language|language understanding|text classification|named entity|"
        r"sentiment analysis|information extraction|machine translation|computational linguistic"
    ),
    "llm": rx(
        r"\bllms?\b|large language model|language models?\b|\bgpt\b|chatgpt|prompt engineer\w*|"
        r"retrieval augmented|foundation models?|\bagentic\b|ai agents?"
    ),
    "computer_vision": rx(
        r"computer vision|\bvision\b|image (?:recognition|classification|processing|"
        r"understanding|analysis)|video (?:understanding|analytics|analysis)|object detection|"
        r"segmentation|\bperception\b|\bocr\b|point clouds?|3d reconstruction"
    ),
    "speech": rx(
        r"\bspeech\b|\basr\b|\btts\b|voice (?:ai|agents?|cloning|assistants?|models?)|"
        r"audio (?:ml|models?|processing|understanding)|speaker (?:recognition|diarization)"
    ),
    "reinforcement_learning": rx(
        r"reinforcement learning|\bdeep rl\b|\brl\b (?:agents?|algorithms?|research|policies)|"
        r"multi armed bandit|contextual bandit"
    ),
    "recommender_systems": rx(
        r"recommend(?:er|ation)s?\b|recsys|personali[sz]ation|learning to rank|"
        r"\branking\b|collaborative filtering|search relevance|feed ranking"
    ),
    "time_series": rx(r"time series|forecasting|\bforecasts?\b (?:models?|demand)"),
    "robotics": rx(
        r"\brobot\w*|autonomous (?:vehicles?|driving|systems|robots?)|self driving|"
        r"embodied|\bdrones?\b|\buav\w*|motion planning|manipulation policies"
    ),
    "generative_ai": rx(
        r"generative|\bgen ?ai\b|diffusion models?|image generation|video generation|"
        r"text to (?:image|video|speech)|\bgans?\b"
    ),
    "mlops": rx(
        r"\bml ?ops\b|\bllm ?ops\b|ml (?:platform|infrastructure|infra|pipelines?)|"
        r"machine learning (?:platform|infrastructure|operations|pipelines?)|"
        r"model (?:serving|deployment|monitoring|registry)|feature stores?|"
        r"inference (?:infrastructure|platform|optimization|serving)"
    ),
}


# For each subfield, the words or phrases of which every match of its pattern holds one (folded
# text is lowercase ASCII with single spaces): a description naming none of them is not
# searched with that pattern.
_SUBFIELD_KEYS: dict[str, tuple[str, ...]] = {
    "nlp": (
        "nlp", "natural language", "language understanding", "text classification",
        "named entity", "sentiment analysis", "information extraction", "machine translation",
        "computational linguistic",
    ),
    "llm": (
        "llm", "language model", "gpt", "prompt engineer", "retrieval augmented",
        "foundation model", "agentic", "ai agent",
    ),
    "computer_vision": (
        "vision", "image recognition", "image classification", "image processing",
        "image understanding", "image analysis", "video understanding", "video analytics",
        "video analysis", "object detection", "segmentation", "perception", "ocr", "point cloud",
        "3d reconstruction",
    ),
    "speech": (
        "speech", "asr", "tts", "voice ai", "voice agent", "voice cloning", "voice assistant",
        "voice model", "audio ml", "audio model", "audio processing", "audio understanding",
        "speaker recognition", "speaker diarization",
    ),
    "reinforcement_learning": (
        "reinforcement learning", "deep rl", "rl agent", "rl algorithm", "rl research",
        "rl policies", "multi armed bandit", "contextual bandit",
    ),
    "recommender_systems": (
        "recommender", "recommendation", "recsys", "personalisation", "personalization",
        "learning to rank", "ranking", "collaborative filtering", "search relevance",
    ),
    "time_series": ("time series", "forecast"),
    "robotics": (
        "robot", "autonomous vehicle", "autonomous driving", "autonomous system",
        "autonomous robot", "self driving", "embodied", "drone", "uav", "motion planning",
        "manipulation policies",
    ),
    "generative_ai": (
        "generative", "gen ai", "genai", "diffusion model", "image generation",
        "video generation", "text to image", "text to video", "text to speech", "gan",
    ),
    "mlops": (
        "mlops", "ml ops", "llmops", "llm ops", "ml platform", "ml infra", "ml pipeline",
        "machine learning platform", "machine learning infrastructure",
        "machine learning operations", "machine learning pipeline", "model serving",
        "model deployment", "model monitoring", "model registry", "feature store",
        "inference infrastructure", "inference platform", "inference optimization",
        "inference serving",
    ),
}  # fmt: skip


def _key_automaton() -> ahocorasick.Automaton:
    """Every key of _SUBFIELD_KEYS, with the subfields it is a key of."""
    names: dict[str, list[str]] = {}
    for name, keys in _SUBFIELD_KEYS.items():
        for key in keys:
            names.setdefault(key, []).append(name)
    automaton = ahocorasick.Automaton()
    for key, of in names.items():
        automaton.add_word(key, tuple(of))
    automaton.make_automaton()
    return automaton


_KEYS = _key_automaton()


@lru_cache(maxsize=1024)  # bounded: it sees every description
def _subfield_words_in(text: str) -> frozenset[str]:
    # One pass finds the subfields with a key in the text, instead of a `key in text` scan
    # of the whole description per key.
    keyed = {name for _, names in _KEYS.iter(text) for name in names}
    return frozenset(name for name in keyed if _SUBFIELD_WORDS[name].search(text))


def classify_subfields(
    title: str, description: str = "", skills: list[str] | None = None
) -> list[str]:
    """Subfields (in SUBFIELDS order) named by the title, the skills or description keywords.

    `llm` is for language-model work; `generative_ai` only when the posting says "generative"/
    GenAI or works on generative media (diffusion, GANs), so an LLM posting is not
    automatically generative_ai. When `skills` is None they are extracted from the text.
    """
    if skills is None:
        skills = extract_skills(f"{title}\n{description}")
    have = set(skills)
    words = _title_words(title) | _subfield_words_in(fold(description))
    return [
        name
        for name in SUBFIELDS
        if name in words or (have and not _SUBFIELD_SKILLS[name].isdisjoint(have))
    ]


_CV = re.compile(r"\bcv\b")


@lru_cache(maxsize=32_768)  # titles repeat across a board's jobs and across boards
def _title_words(title: str) -> frozenset[str]:
    """The subfields a title names: by keyword, an MLOps title, "CV"."""
    folded = fold(title)
    words = set(_subfield_words_in(folded))
    if any_in(MLOPS_KEYS, folded) and MLOPS.search(folded):
        words.add("mlops")
    if "cv" in folded and _CV.search(folded):  # only in titles: in text "CV" is mostly a resume
        words.add("computer_vision")
    return frozenset(words)
