"""The settings window, built from the declaration in core.settings (SETTINGS_SPEC).

One page per group, one control per setting chosen by its kind; the label and help text come
from the declaration, translated in the "settings" context. Every change is checked with the
same rules as the settings file (core.settings.settings_problems); a problem shows in words
under its control, and Save stays off until nothing is wrong. The window only emits `saved`:
writing the file, autostart and the rest are app/settings.py's work.

A problem looks like one (`ProblemNote`): the style's own warning icon, bold words, on a
background tinted amber from the palette's window colour. The palette has no "error" role, and
a fixed red would be unreadable on one theme or the other (and red is a colour this app keeps
away from); a light tint of the window colour keeps the palette's own text colour readable in
light and dark themes, and the icon and bold type carry the meaning without colour.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import fields
from datetime import time
from typing import Any

from PySide6.QtCore import QCoreApplication, QDir, QEvent, QLocale, Qt, QTime, Signal
from PySide6.QtGui import QColor, QPalette
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QFileDialog,
    QFormLayout,
    QFrame,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QScrollArea,
    QStyle,
    QTabWidget,
    QTimeEdit,
    QVBoxLayout,
    QWidget,
)

from stressbreak.core.settings import (
    CONTEXT,
    GROUP_LABELS,
    MAX_CHECKINS_PER_DAY,
    SETTINGS_SPEC,
    Choice,
    Group,
    Kind,
    Settings,
    SettingSpec,
    Unit,
    sensor_name,
    settings_problems,
)
from stressbreak.core.sharing import FolderCheck, FolderState, SharingStatus
from stressbreak.ui.floating import float_at_width
from stressbreak.ui.number_box import NumberBox
from stressbreak.ui.style import bold, heard_at, quieter, translated_message


def _t(text: str, context: str = CONTEXT) -> str:
    return QCoreApplication.translate(context, text)


def _wrapped(text: str = "") -> QLabel:
    label = QLabel(text)
    label.setWordWrap(True)
    return label


def _qtime(value: time) -> QTime:
    return QTime(value.hour, value.minute)


def _time(value: QTime) -> time:
    return time(value.hour(), value.minute())


_WARNING_TINT = QColor(240, 160, 0)  # amber, as the style's warning sign
_TINT_SHARE = 0.18  # light enough that the palette's text colour stays readable on it


def _tinted(base: QColor, share: float = _TINT_SHARE) -> QColor:
    return QColor(
        round(base.red() * (1 - share) + _WARNING_TINT.red() * share),
        round(base.green() * (1 - share) + _WARNING_TINT.green() * share),
        round(base.blue() * (1 - share) + _WARNING_TINT.blue() * share),
    )


class ProblemNote(QFrame):
    """Words about something wrong, looking like it: the style's warning icon and bold text on
    a warm tint of the window colour (see the module's docstring)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.setAutoFillBackground(True)
        self.icon = QLabel()
        self.icon.setAlignment(Qt.AlignmentFlag.AlignTop)
        self.label = _wrapped()
        font = self.label.font()
        font.setBold(True)
        self.label.setFont(font)
        row = QHBoxLayout(self)
        row.setContentsMargins(6, 4, 6, 4)
        row.addWidget(self.icon)
        row.addWidget(self.label, 1)

    def text(self) -> str:
        return self.label.text()

    def setText(self, text: str) -> None:
        self.label.setText(text)

    def tint(self, palette: QPalette) -> None:
        """Colours and icon from `palette` and the style: again when the theme changes."""
        own = QPalette(palette)
        own.setColor(QPalette.ColorRole.Window,
                     _tinted(palette.color(QPalette.ColorRole.Window)))
        self.setPalette(own)
        _show_icon(self.icon, QStyle.StandardPixmap.SP_MessageBoxWarning)


def _show_icon(label: QLabel, which: QStyle.StandardPixmap) -> None:
    size = label.style().pixelMetric(QStyle.PixelMetric.PM_SmallIconSize)
    label.setPixmap(label.style().standardIcon(which).pixmap(size, size))


def _reachable(label: QLabel) -> QLabel:
    """Text a keyboard reaches with Tab (and can copy from), so that the page scrolls to it:
    at the smallest size the folder's state lies below the fold."""
    label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse
                                  | Qt.TextInteractionFlag.TextSelectableByKeyboard)
    label.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
    return label


def _time_edit(value: time) -> QTimeEdit:
    edit = QTimeEdit(_qtime(value))
    edit.setDisplayFormat("HH:mm")  # the settings are whole minutes on a 24-hour clock
    return edit


# --- one editor per kind -----------------------------------------------------------------------


class Editor(QWidget):
    """A control for one setting: `value()` / `set_value()` in the setting's own type."""

    changed = Signal()

    def __init__(self, spec: SettingSpec, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.spec = spec
        self.setAccessibleName(_t(spec.label))

    def value(self) -> Any:
        raise NotImplementedError

    def set_value(self, value: Any) -> None:
        raise NotImplementedError

    def describe(self, description: str) -> None:
        """What a screen reader says besides the name: the help text, and any problem."""
        self.setAccessibleDescription(description)


class IntEditor(Editor):
    def __init__(self, spec: SettingSpec, parent: QWidget | None = None) -> None:
        super().__init__(spec, parent)
        if spec.low is None or spec.high is None:
            raise TypeError(f"{spec.key}: a whole-number setting needs bounds")
        self.spin = NumberBox(spec.low, spec.high)
        suffix = {Unit.MINUTES: self.tr("min"), Unit.SECONDS: self.tr("s")}.get(spec.unit)
        if suffix:
            self.spin.setSuffix(f" {suffix}")
        self.spin.setAccessibleName(_t(spec.label))
        self.spin.valueChanged.connect(self.changed)
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.spin)
        row.addStretch(1)
        self.setFocusProxy(self.spin)

    def value(self) -> int:
        return self.spin.value()

    def set_value(self, value: Any) -> None:
        self.spin.setValue(int(value))

    def describe(self, description: str) -> None:
        self.spin.setAccessibleDescription(description)


class BoolEditor(Editor):
    def __init__(self, spec: SettingSpec, parent: QWidget | None = None) -> None:
        super().__init__(spec, parent)
        self.check = QCheckBox(_t(spec.label))
        self.check.setAccessibleName(_t(spec.label))
        self.check.toggled.connect(self.changed)
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.check)
        self.setFocusProxy(self.check)

    def value(self) -> bool:
        return self.check.isChecked()

    def set_value(self, value: Any) -> None:
        self.check.setChecked(bool(value))

    def describe(self, description: str) -> None:
        self.check.setAccessibleDescription(description)


class TimeEditor(Editor):
    def __init__(self, spec: SettingSpec, parent: QWidget | None = None) -> None:
        super().__init__(spec, parent)
        self.edit = _time_edit(spec.default)
        self.edit.setAccessibleName(_t(spec.label))
        self.edit.timeChanged.connect(self.changed)
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.edit)
        row.addStretch(1)
        self.setFocusProxy(self.edit)

    def value(self) -> time:
        return _time(self.edit.time())

    def set_value(self, value: Any) -> None:
        self.edit.setTime(_qtime(value))

    def describe(self, description: str) -> None:
        self.edit.setAccessibleDescription(description)


class DaysEditor(Editor):
    """Seven check boxes, Monday first (as the setting counts), named in the user's language.

    Check boxes rather than toggle buttons: a ticked box reads the same in every style, where
    a pressed-in button is easy to misread. Each is a Tab stop and Space ticks it."""

    def __init__(self, spec: SettingSpec, parent: QWidget | None = None) -> None:
        super().__init__(spec, parent)
        locale = QLocale()
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        self.buttons: list[QCheckBox] = []
        for day in range(7):
            button = QCheckBox(locale.dayName(day + 1, QLocale.FormatType.ShortFormat))
            button.setAccessibleName(locale.dayName(day + 1, QLocale.FormatType.LongFormat))
            button.toggled.connect(self.changed)
            row.addWidget(button)
            self.buttons.append(button)
        row.addStretch(1)
        self.setFocusProxy(self.buttons[0])

    def value(self) -> tuple[int, ...]:
        return tuple(day for day, button in enumerate(self.buttons) if button.isChecked())

    def set_value(self, value: Any) -> None:
        for day, button in enumerate(self.buttons):
            button.setChecked(day in value)

    def describe(self, description: str) -> None:
        for button in self.buttons:
            button.setAccessibleDescription(description)


class TimesEditor(Editor):
    """A short list of clock times: each row a time field and a Remove button, then Add."""

    def __init__(self, spec: SettingSpec, parent: QWidget | None = None) -> None:
        super().__init__(spec, parent)
        self.rows: list[tuple[QWidget, QTimeEdit, QPushButton]] = []
        self._description = ""
        self._rows_box = QVBoxLayout()
        self._rows_box.setContentsMargins(0, 0, 0, 0)
        self.empty_label = quieter(QLabel(self.tr("No times: the stress meter comes only when "
                                                  "you open it.")))
        self.empty_label.setWordWrap(True)
        self.add_button = QPushButton(self.tr("Add a time"))
        self.add_button.setAutoDefault(False)
        self.add_button.setAccessibleName(self.tr("Add a time"))
        self.add_button.clicked.connect(self._add_clicked)
        add_row = QHBoxLayout()
        add_row.addWidget(self.add_button)
        add_row.addStretch(1)
        column = QVBoxLayout(self)
        column.setContentsMargins(0, 0, 0, 0)
        column.addLayout(self._rows_box)
        column.addWidget(self.empty_label)
        column.addLayout(add_row)
        self.setFocusProxy(self.add_button)

    def value(self) -> tuple[time, ...]:
        # Sorted, as the file keeps them; a time given twice stays twice so it can be pointed out.
        return tuple(sorted(_time(edit.time()) for _row, edit, _remove in self.rows))

    def set_value(self, value: Any) -> None:
        for entry in list(self.rows):
            self._drop(entry)
        for moment in value:
            self._add_row(moment)
        self._refresh()
        self.changed.emit()

    def describe(self, description: str) -> None:
        self._description = description
        for _row, edit, _remove in self.rows:
            edit.setAccessibleDescription(description)

    def _add_clicked(self) -> None:
        self._add_row(self._next_free_time())
        self._refresh()
        self.rows[-1][1].setFocus()
        self.changed.emit()

    def _next_free_time(self) -> time:
        """An hour after the last time, or the next free half hour: a new row never starts
        out as a duplicate."""
        taken = {_time(edit.time()) for _row, edit, _remove in self.rows}
        start = max(taken, default=time(11, 0))
        minutes = start.hour * 60 + start.minute + 60
        for step in range(48):
            candidate = (minutes + 30 * step) % (24 * 60)
            moment = time(candidate // 60, candidate % 60)
            if moment not in taken:
                return moment
        return start

    def _add_row(self, moment: time) -> None:
        row = QWidget()
        edit = _time_edit(moment)
        edit.setAccessibleDescription(self._description)
        remove = QPushButton(self.tr("Remove"))
        remove.setAutoDefault(False)
        line = QHBoxLayout(row)
        line.setContentsMargins(0, 0, 0, 0)
        line.addWidget(edit)
        line.addWidget(remove)
        line.addStretch(1)
        entry = (row, edit, remove)
        edit.timeChanged.connect(self._name_rows)
        edit.timeChanged.connect(self.changed)
        remove.clicked.connect(lambda: self._remove_row(entry))
        self._rows_box.addWidget(row)
        self.rows.append(entry)

    def _remove_row(self, entry: tuple[QWidget, QTimeEdit, QPushButton]) -> None:
        index = self.rows.index(entry)
        self._drop(entry)
        self._refresh()
        # The keyboard stays in the list: on the row that moved up, else on Add.
        if self.rows:
            self.rows[min(index, len(self.rows) - 1)][2].setFocus()
        else:
            self.add_button.setFocus()
        self.changed.emit()

    def _drop(self, entry: tuple[QWidget, QTimeEdit, QPushButton]) -> None:
        # Out of the layout and hidden now; deleteLater alone would leave it drawn until the
        # event loop comes round.
        self.rows.remove(entry)
        self._rows_box.removeWidget(entry[0])
        entry[0].hide()
        entry[0].deleteLater()

    def _refresh(self) -> None:
        self.add_button.setEnabled(len(self.rows) < MAX_CHECKINS_PER_DAY)
        self.empty_label.setVisible(not self.rows)
        self._name_rows()

    def _name_rows(self) -> None:
        label = _t(self.spec.label)
        for number, (_row, edit, remove) in enumerate(self.rows, start=1):
            edit.setAccessibleName(self.tr("{label}, time {number}").format(
                label=label, number=number))
            remove.setAccessibleName(self.tr("Remove {time}").format(
                time=edit.time().toString("HH:mm")))


class ChoiceEditor(Editor):
    def __init__(self, spec: SettingSpec, parent: QWidget | None = None) -> None:
        super().__init__(spec, parent)
        self.combo = QComboBox()
        self.combo.setAccessibleName(_t(spec.label))
        for choice in spec.choices:
            self.combo.addItem(self._label(choice), choice.value)
        self.combo.currentIndexChanged.connect(self.changed)
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.combo)
        row.addStretch(1)
        self.setFocusProxy(self.combo)

    @staticmethod
    def _label(choice: Choice) -> str:
        return choice.label if choice.context is None else _t(choice.label, choice.context)

    def value(self) -> str:
        return str(self.combo.currentData())

    def set_value(self, value: Any) -> None:
        index = self.combo.findData(value)
        if index < 0:  # not offered any more: shown as is, so saving keeps it
            self.combo.addItem(str(value), value)
            index = self.combo.count() - 1
        self.combo.setCurrentIndex(index)

    def describe(self, description: str) -> None:
        self.combo.setAccessibleDescription(description)


class TextEditor(Editor):
    """One line of text (a folder's path, a name)."""

    def __init__(self, spec: SettingSpec, parent: QWidget | None = None) -> None:
        super().__init__(spec, parent)
        self.edit = QLineEdit()
        self.edit.setAccessibleName(_t(spec.label))
        self.edit.textChanged.connect(self.changed)
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.edit)
        self.setFocusProxy(self.edit)

    def value(self) -> str:
        return self.edit.text().strip()

    def set_value(self, value: Any) -> None:
        self.edit.setText(str(value))

    def describe(self, description: str) -> None:
        self.edit.setAccessibleDescription(description)


def choose_folder(parent: QWidget, start: str) -> str | None:
    """The folder the user picks in the desktop's folder chooser (folders only), or None when
    they cancel. One function, so that a test can answer in its place."""
    chosen = QFileDialog.getExistingDirectory(
        parent, QCoreApplication.translate("FolderEditor", "Choose the shared folder"), start,
        QFileDialog.Option.ShowDirsOnly)
    return chosen or None


class FolderEditor(TextEditor):
    """A folder's path: typed, or picked with "Choose…" (the desktop's folder chooser)."""

    def __init__(self, spec: SettingSpec, parent: QWidget | None = None) -> None:
        super().__init__(spec, parent)
        self.choose_button = QPushButton(self.tr("Choose…"))
        self.choose_button.setAutoDefault(False)
        self.choose_button.setAccessibleName(self.tr("Choose the shared folder"))
        self.choose_button.clicked.connect(self._choose)
        row = self.layout()
        assert isinstance(row, QHBoxLayout)
        row.addWidget(self.choose_button)

    def _choose(self) -> None:
        chosen = choose_folder(self, self.value() or QDir.homePath())
        if chosen is not None:
            self.set_value(QDir.toNativeSeparators(chosen))
        self.edit.setFocus()  # back where the path shows, chosen or not

    def describe(self, description: str) -> None:
        super().describe(description)
        self.choose_button.setAccessibleDescription(description)


class SensorEditor(Editor):
    """A heart-rate strap: its name, "Choose…" (a scan nearby, by the app: the dialog's
    `choose_sensor`) and "Forget". The value is "ADDRESS Name", or "" for none."""

    choose_requested = Signal()

    def __init__(self, spec: SettingSpec, parent: QWidget | None = None) -> None:
        super().__init__(spec, parent)
        self._value = ""
        self.name_label = QLabel()
        self.choose_button = QPushButton(self.tr("Choose…"))
        self.choose_button.setAutoDefault(False)
        self.choose_button.setAccessibleName(self.tr("Choose a heart-rate strap"))
        self.choose_button.clicked.connect(self.choose_requested)
        self.forget_button = QPushButton(self.tr("Forget"))
        self.forget_button.setAutoDefault(False)
        self.forget_button.setAccessibleName(self.tr("Forget the heart-rate strap"))
        self.forget_button.clicked.connect(lambda: self.set_value(""))
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.name_label, 1)
        row.addWidget(self.choose_button)
        row.addWidget(self.forget_button)
        self.setFocusProxy(self.choose_button)

    def value(self) -> str:
        return self._value

    def set_value(self, value: Any) -> None:
        before, self._value = self._value, str(value)
        shown = sensor_name(self._value) if self._value else self.tr("None")
        self.name_label.setText(shown)
        self.choose_button.setAccessibleDescription(
            self.tr("Now: {strap}").format(strap=shown))
        self.forget_button.setVisible(bool(self._value))
        if self._value != before:
            self.changed.emit()

    def describe(self, description: str) -> None:
        self.choose_button.setAccessibleDescription(description)


EDITORS: dict[Kind, type[Editor]] = {
    Kind.INT: IntEditor,
    Kind.BOOL: BoolEditor,
    Kind.TIME: TimeEditor,
    Kind.DAYS: DaysEditor,
    Kind.TIMES: TimesEditor,
    Kind.CHOICE: ChoiceEditor,
    Kind.TEXT: TextEditor,
    Kind.FOLDER: FolderEditor,
    Kind.SENSOR: SensorEditor,
}


# --- the dialog --------------------------------------------------------------------------------


class SettingsDialog(QDialog):
    """All settings on pages; Save emits the new Settings, Cancel or Esc changes nothing.

    `unavailable` maps a setting key to a reason in the user's language (say, no idle-time
    source on this desktop): the reason shows beside the control, which is then off and keeps
    its current value, also through Restore defaults. An on/off setting that is on can still
    be switched off there (never on again): what cannot work here should not be kept on
    because the window will not let go of it.
    """

    saved = Signal(object)  # Settings
    shortcut_requested = Signal()  # "Keyboard shortcut…": the desktop binds them, not Save

    def __init__(
        self,
        settings: Settings,
        unavailable: Mapping[str, str] | None = None,
        parent: QWidget | None = None,
        *,
        shortcut_note: str | None = None,
        sharing: SharingStatus | None = None,
        check_folder: Callable[[str], FolderCheck] | None = None,
        choose_sensor: Callable[[QWidget, str, Callable[[str], None]], object] | None = None,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Settings"))
        # Opens the app's strap picker over this window (parent, the strap now, and what to
        # call with the one chosen); None: no Bluetooth support in this build.
        self._choose_sensor = choose_sensor
        # The shared folder as it is now, and the check of one chosen here (both from the
        # app: the window reads no folder itself). A chosen folder is checked before Save.
        self._sharing = sharing
        self._check_folder = check_folder
        self._saved_folder = settings.shared_folder
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self._unavailable = dict(unavailable or {})
        self.editors: dict[str, Editor] = {}
        self.help_labels: dict[str, QLabel] = {}
        self.problem_labels: dict[str, ProblemNote] = {}
        self.reason_labels: dict[str, QLabel] = {}
        # Beside each reason: the style's information sign, or its warning sign while the
        # setting is on (it then cannot do what it is on for; `status` says so too).
        self.reason_icons: dict[str, QLabel] = {}
        self._pages: dict[Group, QWidget] = {}

        self.tabs = QTabWidget()
        forms = {group: self._add_page(group) for group in Group}
        for spec in SETTINGS_SPEC:
            self._add_setting(forms[spec.group], spec)
        self.shortcut_note: QLabel | None = None
        self.shortcut_button: QPushButton | None = None
        if shortcut_note is not None:  # only where the desktop binds keys for apps
            self._add_shortcut_row(forms[Group.PAUSE], shortcut_note)
        self._add_sharing_rows(forms[Group.SHARING])

        self.summary_label = ProblemNote()
        self.summary_label.label.setAccessibleName(self.tr("What still needs a look"))
        self.defaults_button = QPushButton(self.tr("Restore defaults"))
        self.defaults_button.setToolTip(self.tr("Put every setting back to its default; nothing "
                                                "is saved until you choose Save."))
        self.cancel_button = QPushButton(self.tr("Cancel"))
        self.save_button = QPushButton(self.tr("Save"))
        for button in (self.defaults_button, self.cancel_button):
            button.setAutoDefault(False)
        self.save_button.setDefault(True)
        buttons = QHBoxLayout()
        buttons.addWidget(self.defaults_button)
        buttons.addStretch(1)
        buttons.addWidget(self.cancel_button)
        buttons.addWidget(self.save_button)

        layout = QVBoxLayout(self)
        layout.addWidget(self.tabs, 1)
        layout.addWidget(self.summary_label)
        layout.addLayout(buttons)

        self.set_settings(settings)
        for editor in self.editors.values():
            editor.changed.connect(self._check)
        self.defaults_button.clicked.connect(self.restore_defaults)
        self.cancel_button.clicked.connect(self.reject)
        self.save_button.clicked.connect(self.accept)
        self._check()
        self._tint_notes()
        # Wide enough for every tab's name (no scroll arrows), in any language.
        width_px = max(600, self.tabs.tabBar().sizeHint().width() + 48)
        float_at_width(self, width_px)
        self.resize(width_px, 520)

    # --- building ------------------------------------------------------------------------

    def _add_page(self, group: Group) -> QFormLayout:
        content = QWidget()
        form = QFormLayout(content)
        form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapLongRows)
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        area = QScrollArea()
        area.setWidget(content)
        area.setWidgetResizable(True)
        area.setFrameShape(QFrame.Shape.NoFrame)
        area.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # the controls take Tab; they scroll it
        self.tabs.addTab(area, _t(GROUP_LABELS[group]))
        self._pages[group] = area
        return form

    def _add_setting(self, form: QFormLayout, spec: SettingSpec) -> None:
        editor = EDITORS[spec.kind](spec)
        self.editors[spec.key] = editor
        column = QVBoxLayout()
        column.setSpacing(2)
        column.addWidget(editor)
        if spec.help:
            help_label = quieter(_wrapped(_t(spec.help)))
            column.addWidget(help_label)
            self.help_labels[spec.key] = help_label
        reason = self._unavailable.get(spec.key)
        if reason is not None:
            reason_label = quieter(_wrapped(reason))
            reason_label.setAccessibleName(reason)
            reason_icon = QLabel()
            reason_icon.setAlignment(Qt.AlignmentFlag.AlignTop)
            reason_row = QHBoxLayout()
            reason_row.addWidget(reason_icon)
            reason_row.addWidget(reason_label, 1)
            column.addLayout(reason_row)
            self.reason_labels[spec.key] = reason_label
            self.reason_icons[spec.key] = reason_icon
        problem_label = ProblemNote()
        problem_label.label.setAccessibleName(self.tr("Problem: {setting}").format(
            setting=_t(spec.label)))
        problem_label.hide()
        column.addWidget(problem_label)
        self.problem_labels[spec.key] = problem_label
        if spec.kind is Kind.FOLDER:
            column.addWidget(self._folder_remark_row())
        if isinstance(editor, SensorEditor):
            self._offer_sensor_choice(editor)
        editor.describe(self._description(spec.key, None))
        if spec.kind is Kind.BOOL:
            form.addRow(column)  # the check box carries its own label
        else:
            label = QLabel(_t(spec.label))
            label.setBuddy(editor.focusProxy() or editor)
            form.addRow(label, column)

    def _offer_sensor_choice(self, editor: SensorEditor) -> None:
        choose = self._choose_sensor
        if choose is None:
            editor.choose_button.setEnabled(False)
            return
        editor.choose_requested.connect(
            lambda: choose(self, editor.value(), editor.set_value))

    def _add_shortcut_row(self, form: QFormLayout, note: str) -> None:
        """Keys through the desktop: not a setting (the desktop keeps them, at once), so a
        button beside the settings rather than a field that Save writes."""
        self.shortcut_button = QPushButton(self.tr("Choose keys…"))
        self.shortcut_button.setAutoDefault(False)
        self.shortcut_button.clicked.connect(self.shortcut_requested)
        self.shortcut_note = quieter(_wrapped(note))
        self.shortcut_note.setAccessibleName(note)
        self.shortcut_button.setAccessibleDescription(note)
        button_row = QHBoxLayout()
        button_row.addWidget(self.shortcut_button)
        button_row.addStretch(1)
        column = QVBoxLayout()
        column.setSpacing(2)
        column.addLayout(button_row)
        column.addWidget(self.shortcut_note)
        label = QLabel(self.tr("Keyboard shortcut"))
        label.setBuddy(self.shortcut_button)
        form.addRow(label, column)

    def _folder_remark_row(self) -> QWidget:
        """Beside a folder just chosen: what it will do (not there yet; sharing stops)."""
        self.folder_remark_row = QWidget()
        self.folder_remark_icon = QLabel()
        self.folder_remark_icon.setAlignment(Qt.AlignmentFlag.AlignTop)
        self.folder_remark = quieter(_wrapped())
        line = QHBoxLayout(self.folder_remark_row)
        line.setContentsMargins(0, 0, 0, 0)
        line.addWidget(self.folder_remark_icon)
        line.addWidget(self.folder_remark, 1)
        self.folder_remark_row.hide()
        return self.folder_remark_row

    def _add_sharing_rows(self, form: QFormLayout) -> None:
        """The name's placeholder (the host name), and below the settings, how the saved
        folder is now: in use or why not, the other computers seen there and when each was
        last heard of, files still arriving."""
        self.sharing_box = QFrame(self)
        self.sharing_box.setFrameShape(QFrame.Shape.NoFrame)
        self.sharing_labels: list[QLabel] = []
        sharing = self._sharing
        if sharing is None:
            self.sharing_box.hide()
            return
        name_editor = self.editors["computer_name"]
        if isinstance(name_editor, TextEditor):
            name_editor.edit.setPlaceholderText(sharing.host_name)
        column = QVBoxLayout(self.sharing_box)
        column.setContentsMargins(0, 8, 0, 0)
        column.setSpacing(4)

        def add(text: str, *, heading: bool = False, indent: bool = False) -> QLabel:
            label = _wrapped(text)
            label.setAccessibleName(text)
            if heading:
                bold(label)
            else:
                _reachable(label)
            if indent:
                label.setContentsMargins(16, 0, 0, 0)
            self.sharing_labels.append(label)
            column.addWidget(label)
            return label

        add(self.tr("Sharing now"), heading=True)
        state_row = QHBoxLayout()
        self.sharing_state_icon = QLabel()
        self.sharing_state_icon.setAlignment(Qt.AlignmentFlag.AlignTop)
        in_use = sharing.state is FolderState.IN_USE
        _show_icon(self.sharing_state_icon, QStyle.StandardPixmap.SP_MessageBoxInformation
                   if in_use else QStyle.StandardPixmap.SP_MessageBoxWarning)
        if in_use:
            said = self.tr("In use. This computer's journal is written to {folder}, and what "
                           "your other computers wrote is read from there.").format(
                folder=sharing.folder)
        elif sharing.problem:
            said = translated_message(sharing.problem)
        else:
            said = self.tr("Not in use now.")
        self.sharing_state = _reachable(_wrapped(said))
        self.sharing_state.setAccessibleName(said)
        state_row.addWidget(self.sharing_state_icon)
        state_row.addWidget(self.sharing_state, 1)
        column.addLayout(state_row)
        if sharing.computers:
            add(self.tr("Other computers seen there:"), heading=True)
            add("\n".join(self.tr("{name}, last seen {when}").format(
                name=computer.name, when=heard_at(computer.last_heard, sharing.checked_at))
                for computer in sharing.computers), indent=True)
        elif in_use:
            add(self.tr("No other computer has written there yet. Once your sync tool brings "
                        "their files, they show here."))
        if sharing.waiting:
            add(self.tr("%n files are still arriving; they are read once they are whole.", "",
                        len(sharing.waiting)))
        form.addRow(self.sharing_box)

    def _show_folder_state(self, chosen: str, check: FolderCheck | None) -> None:
        """What the folder field's value will do: the saved folder's state, or a remark on a
        new choice, or that turning sharing off keeps everything here."""
        remark: str | None = None
        icon = QStyle.StandardPixmap.SP_MessageBoxInformation
        if chosen != self._saved_folder:
            if not chosen:
                remark = self.tr("Sharing stops when you save. Everything stays on this "
                                 "computer, and what is already in the shared folder stays "
                                 "there.")
            elif check is not None and check.remark:
                remark = check.remark
        self.folder_remark.setText(remark or "")
        self.folder_remark.setAccessibleName(remark or "")
        _show_icon(self.folder_remark_icon, icon)
        self.folder_remark_row.setVisible(remark is not None)
        # The state is the saved folder's: beside another choice it would mislead.
        self.sharing_box.setVisible(self._sharing is not None and bool(self._saved_folder)
                                    and chosen == self._saved_folder)

    def _problems_of(self, values: dict[str, Any]) -> tuple[dict[str, str], FolderCheck | None]:
        """The rules' problems, and a newly chosen shared folder's (a file, StressBreak's own
        data folder, one it cannot write to): nothing is saved with one of those."""
        problems: dict[str, str] = dict(settings_problems(values))
        chosen = values.get("shared_folder", "")
        check: FolderCheck | None = None
        if (chosen and chosen != self._saved_folder and "shared_folder" not in problems
                and self._check_folder is not None):
            check = self._check_folder(chosen)
            if check.problem:
                problems["shared_folder"] = check.problem
        return problems, check

    def set_shortcut_note(self, text: str) -> None:
        """What the keys do now, or what the desktop answered."""
        if self.shortcut_note is not None and self.shortcut_button is not None:
            self.shortcut_note.setText(text)
            self.shortcut_note.setAccessibleName(text)
            self.shortcut_button.setAccessibleDescription(text)

    def _description(self, key: str, problem: str | None) -> str:
        spec = self.editors[key].spec
        parts = [problem or "", self._unavailable.get(key, ""), _t(spec.help) if spec.help else ""]
        return " ".join(part for part in parts if part)

    # --- values --------------------------------------------------------------------------

    def values(self) -> dict[str, Any]:
        """Setting key -> the value shown now, in the setting's own type."""
        return {key: editor.value() for key, editor in self.editors.items()}

    def set_settings(self, settings: Settings) -> None:
        for f in fields(Settings):
            self.editors[f.name].set_value(getattr(settings, f.name))
        self._check()

    def restore_defaults(self) -> None:
        """Every available setting back to its default; saved only with Save."""
        for spec in SETTINGS_SPEC:
            if spec.key not in self._unavailable:
                self.editors[spec.key].set_value(spec.default)
        self._check()

    def problems(self) -> dict[str, str]:
        """Setting key -> the problem shown under it (in the user's language)."""
        return {key: label.text() for key, label in self.problem_labels.items()
                if not label.isHidden()}

    def _check(self) -> None:
        if not self.editors or len(self.editors) < len(SETTINGS_SPEC):
            return  # still being built
        problems, check = self._problems_of(self.values())
        self._show_folder_state(self.editors["shared_folder"].value(), check)
        for key, label in self.problem_labels.items():
            problem = problems.get(key)
            text = translated_message(problem) if problem is not None else ""
            label.setText(text)
            label.setVisible(problem is not None)
            self.editors[key].describe(self._description(key, text or None))
        for spec in SETTINGS_SPEC:
            editor = self.editors[spec.key]
            if spec.key in self._unavailable:
                # Off, but an on/off setting that is on may still be switched off.
                editor.setEnabled(spec.kind is Kind.BOOL and editor.value() is True)
                _show_icon(self.reason_icons[spec.key],
                           QStyle.StandardPixmap.SP_MessageBoxWarning if editor.value() is True
                           else QStyle.StandardPixmap.SP_MessageBoxInformation)
            elif spec.enabled_by is not None:
                editor.setEnabled(bool(self.editors[spec.enabled_by].value()))
        pages = [
            _t(GROUP_LABELS[group]) for group in Group
            if any(spec.group is group and spec.key in problems for spec in SETTINGS_SPEC)
        ]
        self.summary_label.setText(
            self.tr("Not saved yet: see {pages}.").format(
                pages=", ".join(f"“{page}”" for page in pages)) if pages else "")
        self.summary_label.setVisible(bool(pages))
        self.save_button.setEnabled(not problems)

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if event.type() in (QEvent.Type.PaletteChange, QEvent.Type.StyleChange):
            self._tint_notes()

    def _tint_notes(self) -> None:
        if not hasattr(self, "summary_label"):
            return  # a change while the window is still being built: tinted once it is
        for note in (*self.problem_labels.values(), self.summary_label):
            note.tint(self.palette())

    # --- closing -------------------------------------------------------------------------

    def accept(self) -> None:
        """Save: only ever with values that pass every rule (Enter reaches here even while the
        Save button is off, as the dialog's default button)."""
        values = self.values()
        if self._problems_of(values)[0]:
            return
        settings = Settings(**values)
        super().accept()
        self.saved.emit(settings)
