"""Read-aloud through the real app: what is said, when it stops, the notice
when a language has no voice, and a whole story played by someone who
cannot read, with a controller only. A fake voice stands in for espeak-ng
here (tests/test_speech.py checks the real voices)."""

from __future__ import annotations

import time
from dataclasses import dataclass

import pygame
import pytest
from app_driver import Driver, fixture_content

from game.settings import Store
from game.ui.app import App
from game.ui.read_aloud import Reader, Utterance
from game.ui.scenes.flow import first_scene


@dataclass
class FakeAudio:
    source: str = "synthesis"
    rate: int = 22050
    pcm: bytes = b"\x00\x10" * 2205  # a tenth of a second
    path: object = None

    @property
    def seconds(self) -> float:
        return len(self.pcm) / 2 / self.rate


class FakeVoice:
    def __init__(self, language: str, has_voice: bool = True):
        self.language = language
        self.has_voice = has_voice
        self.said: list[tuple[str, int]] = []

    def synthesis_available(self) -> bool:
        return self.has_voice

    def recordings_available(self) -> bool:
        return False

    @property
    def available(self) -> bool:
        return self.has_voice

    def say(self, text, rate=100, cancel=None):
        self.said.append((text, rate))
        return FakeAudio() if self.has_voice else None


def with_fake_voices(app: App, silent: tuple[str, ...] = ()) -> dict[str, FakeVoice]:
    voices: dict[str, FakeVoice] = {}

    def make(language: str) -> FakeVoice:
        voices[language] = FakeVoice(language, language not in silent)
        return voices[language]

    app.reader = Reader(app, voice_factory=make)
    return voices


def said(app: App) -> list[str]:
    return [u.text for u in app.reader.said]


def wait_for_speech(app: App, seconds: float = 3.0) -> None:
    """Let the worker make the audio and the mixer play it."""
    deadline = time.monotonic() + seconds
    while app.reader.speaking and time.monotonic() < deadline:
        app.reader.update()
        time.sleep(0.01)


def controller(number: int) -> pygame.event.Event:
    return pygame.event.Event(pygame.CONTROLLERBUTTONDOWN, button=number, instance_id=0)


def test_listen_reads_the_screen_and_a_second_press_stops(tmp_path):
    d = Driver(tmp_path)
    with_fake_voices(d.app)
    assert "listen" in d.ids() and d.ids().index("listen") < d.ids().index("need_help")
    d.press(pygame.K_r)
    assert "Choose a story" in said(d.app) or any("story" in text.lower() for text in said(d.app))
    assert d.app.reader.speaking
    d.press(pygame.K_r)
    assert not d.app.reader.speaking


def test_speech_stops_when_the_screen_changes(tmp_path):
    d = Driver(tmp_path)
    with_fake_voices(d.app)
    d.click("listen")
    wait_until = time.monotonic() + 2
    while not d.app.reader.played and time.monotonic() < wait_until:
        d.app.step()
        time.sleep(0.01)
    assert d.app.reader.channel.get_busy()
    d.click("settings")
    assert d.scene == "settings"
    assert not d.app.reader.speaking and not d.app.reader.channel.get_busy()


def test_typing_r_in_a_name_field_types_it(tmp_path):
    d = Driver(tmp_path)
    with_fake_voices(d.app)
    d.click("settings")
    d.click("players")
    field = next(w for w in d.app.top.widgets if w.id.endswith("name"))
    d.click(field.id)
    d.step(pygame.event.Event(pygame.KEYDOWN, key=pygame.K_r, mod=0, unicode="r"),
           pygame.event.Event(pygame.TEXTINPUT, text="r"))
    assert said(d.app) == []
    assert d.app.top.widget(field.id).value.endswith("r")


def test_no_voice_is_told_once_and_play_goes_on(tmp_path):
    d = Driver(tmp_path)
    with_fake_voices(d.app, silent=("en",))
    d.press(pygame.K_r)
    d.step()
    assert d.scene == "notice"
    assert any("not available" in text for text in d.app.top.shown_texts)
    d.press(pygame.K_RETURN)
    assert d.scene == "story_map"
    d.press(pygame.K_r)
    d.step()
    assert d.scene == "story_map"  # told once


def test_the_language_picker_says_each_language_in_its_own_voice(tmp_path):
    store = Store(tmp_path)  # a first start: no language chosen yet
    app = App(store, (1280, 720), content=fixture_content(), reduced_motion=True)
    app.reset(first_scene(app.ui))
    app.step()
    assert app.top.name == "language"
    voices = with_fake_voices(app)
    app.top.focus_on("listen")
    app.step([pygame.event.Event(pygame.KEYDOWN, key=pygame.K_r, mod=0, unicode="r")])
    spoken = list(app.reader.said)
    assert Utterance("ไทย", "th") in spoken and Utterance("العربية", "ar") in spoken
    assert any(u.language is None and "Together Online" in u.text for u in spoken)
    wait_for_speech(app)
    assert ("ไทย", 100) in voices["th"].said


def test_f2_and_the_first_screen_open_the_accessibility_menu_and_choices_persist(tmp_path):
    store = Store(tmp_path)
    app = App(store, (1280, 720), content=fixture_content(), reduced_motion=True)
    app.reset(first_scene(app.ui))
    app.step()
    assert app.top.widget("accessibility") is not None  # on the first screen, before a language is chosen
    app.step([pygame.event.Event(pygame.KEYDOWN, key=pygame.K_F2, mod=0, unicode="")])
    assert app.top.name == "accessibility"
    with_fake_voices(app)
    for widget_id in ("read_aloud_on", "rate_70", "contrast_on", "motion_on", "text_150", "dyslexia_font_on"):
        app.top.ensure_built()
        app.top.widget(widget_id).activate()
        app.step()
    saved = Store(tmp_path).load_settings()
    assert (saved.read_aloud, saved.speech_rate, saved.high_contrast, saved.reduced_motion, saved.text_scale,
            saved.dyslexia_font) == (True, 70, True, True, 150, True)
    assert app.ui.theme.palette == "high_contrast"
    app.step([controller(pygame.CONTROLLER_BUTTON_B)])
    assert app.top.name == "language"
    app.step([controller(pygame.CONTROLLER_BUTTON_BACK)])
    assert app.top.name == "accessibility"


def test_the_sample_is_said_at_the_chosen_speed(tmp_path):
    d = Driver(tmp_path)
    voices = with_fake_voices(d.app)
    d.press(pygame.K_F2)
    d.click("rate_125")
    wait_for_speech(d.app)
    assert voices["en"].said[-1] == ("This is how the game reads aloud. You can make it slower or faster.", 125)


def test_settings_opens_the_accessibility_menu(tmp_path):
    d = Driver(tmp_path)
    d.click("settings")
    d.activate_with_keys("accessibility")  # the settings screen scrolls to it
    assert d.scene == "accessibility"
    d.press(pygame.K_ESCAPE)
    assert d.scene == "settings"


def test_someone_who_cannot_read_plays_a_whole_story_with_a_controller(tmp_path):
    """Read-aloud on; only controller buttons; every line of the path and
    every choice offered is said before it has to be acted on."""
    d = Driver(tmp_path, read_aloud=True)
    with_fake_voices(d.app)
    d.app.screen_changed()  # the story map is read again, by the fake voice
    d.step()
    sent: list[pygame.event.Event] = []
    original = d.app.process

    def process(event):
        sent.append(event)
        original(event)

    d.app.process = process
    a, down = controller(pygame.CONTROLLER_BUTTON_A), controller(pygame.CONTROLLER_BUTTON_DPAD_DOWN)
    lines_seen: list[str] = []
    choices_heard: list[str] = []
    scenes: set[str] = set()
    for _ in range(200):
        if d.scene == "ending":
            break
        if d.scene == "story":
            story = d.app.top
            if story.all_revealed and story.view.choices:
                for choice in story.view.choices:
                    assert any(story.say(choice.text) in text for text in said(d.app)), choice.text.source
                    choices_heard.append(choice.text.source)
                d.step(down)  # the focused choice is said as the focus moves
                spoken = story.focused.spoken(d.ui)
                assert said(d.app)[-len(spoken):] == spoken
            for line in story.view.lines[: story.revealed]:
                text = story.say(line.text)
                if text not in lines_seen:
                    assert text in said(d.app), text
                    lines_seen.append(text)
        else:  # the primer, the content note, the feedback and talk cards are read out as they appear
            assert d.app.top.speech() and set(d.app.top.speech()) <= set(said(d.app)), d.scene
            scenes.add(d.scene)
        d.step(a)
    assert d.scene == "ending"
    assert lines_seen and choices_heard
    assert {"primer", "content_note", "feedback", "discussion"} <= scenes
    assert sent and all(event.type == pygame.CONTROLLERBUTTONDOWN or getattr(event, "from_controller", False)
                        for event in sent)  # the app turns a controller's buttons into keys itself
    d.app.step()
    assert set(d.app.top.speech()) <= set(said(d.app))  # the ending is read out too


# The real voices, played through the mixer (SDL's dummy audio device plays in real time, silently) ----------

def story_line(language: str) -> str:
    """A real line of a story, translated, as the story screen would show it."""
    from game.i18n.catalogs import load_translator
    from game.paths import LOCALE_DIR

    source = "Amara lives with Lola, her grandma. Her mum works in another country and video-calls every Saturday."
    if language == "en":
        return source
    translated = load_translator(language, LOCALE_DIR).scenario_text("secret_gift_codes", source)
    assert translated != source, f"no {language} translation of the sample line"
    return translated


@pytest.mark.parametrize("language", ["en", "es", "th", "bn", "ar"])
def test_a_line_is_spoken_aloud_in_each_language(tmp_path, language):
    d = Driver(tmp_path)
    d.app.set_language(language)
    line = story_line(language)
    d.app.reader.say([line])
    deadline = time.monotonic() + 10
    while not d.app.reader.played and time.monotonic() < deadline:
        d.app.reader.update()
        time.sleep(0.01)
    assert d.app.reader.played, f"nothing was played for {language}"
    audio = d.app.reader.played[-1]
    assert audio.source == "synthesis" and audio.seconds > 2.0
    assert d.app.reader.channel.get_busy()
    d.app.reader.stop()


def test_a_volunteers_recording_is_played_instead_of_the_computer_voice(tmp_path):
    from game.paths import LOCALE_DIR
    from game.speech import Audio, Voice, recording_stem, write_wav

    voices = tmp_path / "voice"
    stem = recording_stem("ui", None, "Choose a story")
    target = voices / "en" / f"{stem}.wav"
    target.parent.mkdir(parents=True)
    write_wav(target, Audio("recording", 22050, b"\x00\x20" * 22050))
    d = Driver(tmp_path / "data")
    d.app.reader = Reader(d.app, voice_factory=lambda language: Voice(language, voices, LOCALE_DIR))
    d.app.reader.say(["Choose a story", "Strangers online"])
    wait_for_speech(d.app, 10)
    sources = [audio.source for audio in d.app.reader.played]
    assert sources == ["recording", "synthesis"]


def wait_until_made(app: App, seconds: float = 10.0) -> None:
    deadline = time.monotonic() + seconds
    while app.reader.pending and time.monotonic() < deadline:
        time.sleep(0.005)


@pytest.mark.parametrize("language", ["en", "es", "th", "bn", "ar"])
def test_a_real_story_with_the_keyboard_only_is_spoken_in_each_language(tmp_path, language):
    """The issue's "done when": someone who cannot read plays a whole story
    with read-aloud, keyboard only, in each voiced language; every line and
    every choice offered is made into audio by the real voice."""
    from game.ui.read_aloud import default_voice

    store = Store(tmp_path)
    settings = store.load_settings()
    settings.language, settings.read_aloud, settings.primer_seen = language, True, True
    store.save_settings(settings)
    app = App(store, (1280, 720), reduced_motion=True)
    made: dict[str, object] = {}

    def recording_voice(code: str):
        voice = default_voice(code)
        say = voice.say

        def say_and_keep(text, rate=100, cancel=None):
            audio = say(text, rate)  # never cut off here: each text must be sayable
            made[text] = audio
            return audio

        voice.say = say_and_keep
        return voice

    app.reader = Reader(app, voice_factory=recording_voice)
    app.reset(first_scene(app.ui))

    def press(code: int) -> None:
        app.step([pygame.event.Event(pygame.KEYDOWN, key=code, mod=0, unicode="")])
        wait_until_made(app)

    press(pygame.K_F5)  # nothing: lets the first screen be drawn and read
    for _ in range(30):
        if app.top.focused is not None and app.top.focused.id == "story:secret_gift_codes":
            break
        press(pygame.K_TAB)
    press(pygame.K_RETURN)
    heard_lines = 0
    for _ in range(300):
        if app.top.name == "ending":
            break
        if app.top.name == "story":
            story = app.top
            for line in story.view.lines[: story.revealed]:
                text = " ".join(story.say(line.text).split())
                assert made.get(text) is not None, f"{language}: not spoken: {text}"
                heard_lines += 1
            if story.all_revealed and story.view.choices:
                for choice in story.view.choices:
                    assert any(story.say(choice.text) in said and audio is not None for said, audio in made.items())
        press(pygame.K_RETURN)
    assert app.top.name == "ending" and heard_lines > 5
    seconds = [audio.seconds for audio in made.values() if audio is not None and audio.pcm]
    assert seconds and max(seconds) > 2.0


def test_moving_to_a_chosen_option_says_it_is_chosen(tmp_path):
    d = Driver(tmp_path, read_aloud=True)
    with_fake_voices(d.app)
    d.press(pygame.K_F2)
    d.tab_to("rate_100")
    assert said(d.app)[-2:] == ["Normal", "Chosen"]
    d.tab_to("rate_125")
    assert said(d.app)[-1] == "Fast"


def test_v_turns_read_aloud_on_and_off_and_shift_a_opens_the_menu_as_in_renpy(tmp_path):
    d = Driver(tmp_path)
    with_fake_voices(d.app)
    d.press(pygame.K_v)
    assert d.ui.settings.read_aloud and said(d.app)[-1] == "Read aloud is on."
    assert Store(tmp_path).load_settings().read_aloud
    d.press(pygame.K_v)
    assert not d.ui.settings.read_aloud and not d.app.reader.speaking
    d.press(pygame.K_a, pygame.KMOD_SHIFT)
    assert d.scene == "accessibility"


def test_audio_at_another_rate_is_fitted_to_the_mixer(tmp_path):
    import array

    from game.ui.read_aloud import fit_to_mixer

    Driver(tmp_path).app.sounds.load()  # the mixer at the game's rate, mono
    rate, _, channels = pygame.mixer.get_init()
    second = array.array("h", (n % 2000 for n in range(44100))).tobytes()  # one second at 44.1 kHz
    fitted = fit_to_mixer(second, 44100)
    assert len(fitted) // 2 // channels == pytest.approx(rate, abs=2)
