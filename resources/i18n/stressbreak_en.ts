<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en" sourcelanguage="en">
<context>
    <name>HourMap</name>
    <message numerus="yes">
        <source>%n stress meters</source>
        <translation>
            <numerusform>%n stress meter</numerusform>
            <numerusform>%n stress meters</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n body signals</source>
        <translation>
            <numerusform>%n body signal</numerusform>
            <numerusform>%n body signals</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>OverviewWindow</name>
    <message numerus="yes">
        <source>Last %n months</source>
        <translation>
            <numerusform>Last month</numerusform>
            <numerusform>Last %n months</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n pauses with a strap</source>
        <translation>
            <numerusform>%n pause with a strap</numerusform>
            <numerusform>%n pauses with a strap</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n pauses taken</source>
        <translation>
            <numerusform>%n pause taken</numerusform>
            <numerusform>%n pauses taken</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n pauses</source>
        <translation>
            <numerusform>%n pause</numerusform>
            <numerusform>%n pauses</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n stress meters</source>
        <translation>
            <numerusform>%n stress meter</numerusform>
            <numerusform>%n stress meters</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n natural pauses (away from the desk)</source>
        <translation>
            <numerusform>%n natural pause (away from the desk)</numerusform>
            <numerusform>%n natural pauses (away from the desk)</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>PaceFinderWindow</name>
    <message numerus="yes">
        <source>It takes %n minutes and needs a heart-rate strap, worn and switched on. You can stop at any moment with Stop or Esc; nothing changes unless you choose it.</source>
        <translation>
            <numerusform>It takes %n minute and needs a heart-rate strap, worn and switched on. You can stop at any moment with Stop or Esc; nothing changes unless you choose it.</numerusform>
            <numerusform>It takes %n minutes and needs a heart-rate strap, worn and switched on. You can stop at any moment with Stop or Esc; nothing changes unless you choose it.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Your heart: %n beats a minute</source>
        <translation>
            <numerusform>Your heart: %n beat a minute</numerusform>
            <numerusform>Your heart: %n beats a minute</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>SensorPicker</name>
    <message numerus="yes">
        <source>%n straps found. Choose yours.</source>
        <translation>
            <numerusform>%n strap found. Choose yours.</numerusform>
            <numerusform>%n straps found. Choose yours.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>SettingsDialog</name>
    <message numerus="yes">
        <source>%n files are still arriving; they are read once they are whole.</source>
        <translation>
            <numerusform>%n file is still arriving; it is read once it is whole.</numerusform>
            <numerusform>%n files are still arriving; they are read once they are whole.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Sharing</name>
    <message numerus="yes">
        <source>%n files still arriving: they are read once they are whole.</source>
        <translation>
            <numerusform>%n file still arriving: it is read once it is whole.</numerusform>
            <numerusform>%n files still arriving: they are read once they are whole.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>TrendChart</name>
    <message numerus="yes">
        <source>%n pauses taken</source>
        <translation>
            <numerusform>%n pause taken</numerusform>
            <numerusform>%n pauses taken</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n stress meters</source>
        <translation>
            <numerusform>%n stress meter</numerusform>
            <numerusform>%n stress meters</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>YourData</name>
    <message numerus="yes">
        <source>Exported %n entries to {file}.</source>
        <translation>
            <numerusform>Exported %n entry to {file}.</numerusform>
            <numerusform>Exported %n entries to {file}.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Imported %n new entries from {file}.</source>
        <translation>
            <numerusform>Imported %n new entry from {file}.</numerusform>
            <numerusform>Imported %n new entries from {file}.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n were already in your journal.</source>
        <translation>
            <numerusform>%n was already in your journal.</numerusform>
            <numerusform>%n were already in your journal.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n entries could not be read and were left out (written by a newer StressBreak?).</source>
        <translation>
            <numerusform>%n entry could not be read and was left out (written by a newer StressBreak?).</numerusform>
            <numerusform>%n entries could not be read and were left out (written by a newer StressBreak?).</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n of these entries are older than when all data was deleted on {date}; they stay on this computer only.</source>
        <translation>
            <numerusform>%n of these entries is older than when all data was deleted on {date}; it stays on this computer only.</numerusform>
            <numerusform>%n of these entries are older than when all data was deleted on {date}; they stay on this computer only.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>cli</name>
    <message numerus="yes">
        <source>stressbreak: StressBreak is running but did not answer within %n minutes. It may still be busy with what you asked.</source>
        <translation>
            <numerusform>stressbreak: StressBreak is running but did not answer within %n minute. It may still be busy with what you asked.</numerusform>
            <numerusform>stressbreak: StressBreak is running but did not answer within %n minutes. It may still be busy with what you asked.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>stressbreak: StressBreak is running but did not answer within %n seconds. It may still be busy with what you asked.</source>
        <translation>
            <numerusform>stressbreak: StressBreak is running but did not answer within %n second. It may still be busy with what you asked.</numerusform>
            <numerusform>stressbreak: StressBreak is running but did not answer within %n seconds. It may still be busy with what you asked.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>heart</name>
    <message numerus="yes">
        <source>%n beats a minute</source>
        <translation>
            <numerusform>%n beat a minute</numerusform>
            <numerusform>%n beats a minute</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>helps</name>
    <message numerus="yes">
        <source>%n days against {other}</source>
        <translation>
            <numerusform>%n day against {other}</numerusform>
            <numerusform>%n days against {other}</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>After a pause, your next stress meter (within two hours) showed {size} more tension on average than the other stress meters of the same day (%n days).</source>
        <translation>
            <numerusform>After a pause, your next stress meter (within two hours) showed {size} more tension on average than the other stress meters of the same day (%n day).</numerusform>
            <numerusform>After a pause, your next stress meter (within two hours) showed {size} more tension on average than the other stress meters of the same day (%n days).</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>After a pause, your next stress meter (within two hours) was {size} calmer on average than the other stress meters of the same day (%n days).</source>
        <translation>
            <numerusform>After a pause, your next stress meter (within two hours) was {size} calmer on average than the other stress meters of the same day (%n day).</numerusform>
            <numerusform>After a pause, your next stress meter (within two hours) was {size} calmer on average than the other stress meters of the same day (%n days).</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>After days with %n or more pauses, you rated your {rating} {size} higher the next day, on average ({days}).</source>
        <translation>
            <numerusform>After days with %n or more pauses, you rated your {rating} {size} higher the next day, on average ({days}).</numerusform>
            <numerusform>After days with %n or more pauses, you rated your {rating} {size} higher the next day, on average ({days}).</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>After days with %n or more pauses, you rated your {rating} {size} lower the next day, on average ({days}).</source>
        <translation>
            <numerusform>After days with %n or more pauses, you rated your {rating} {size} lower the next day, on average ({days}).</numerusform>
            <numerusform>After days with %n or more pauses, you rated your {rating} {size} lower the next day, on average ({days}).</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>On days with %n or more pauses, your afternoon tension was {size} higher on average ({days}).</source>
        <translation>
            <numerusform>On days with %n or more pauses, your afternoon tension was {size} higher on average ({days}).</numerusform>
            <numerusform>On days with %n or more pauses, your afternoon tension was {size} higher on average ({days}).</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>On days with %n or more pauses, your afternoon tension was {size} lower on average ({days}).</source>
        <translation>
            <numerusform>On days with %n or more pauses, your afternoon tension was {size} lower on average ({days}).</numerusform>
            <numerusform>On days with %n or more pauses, your afternoon tension was {size} lower on average ({days}).</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>report</name>
    <message numerus="yes">
        <source>%n earlier notes are in your journal.</source>
        <translation>
            <numerusform>%n earlier note is in your journal.</numerusform>
            <numerusform>%n earlier notes are in your journal.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n notes from these weeks are in your journal.</source>
        <translation>
            <numerusform>%n note from these weeks is in your journal.</numerusform>
            <numerusform>%n notes from these weeks are in your journal.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>shared_folder</name>
    <message numerus="yes">
        <source>StressBreak brought back %n entries of {year}-{month:02d} from this computer&apos;s copy in the shared folder.</source>
        <translation>
            <numerusform>StressBreak brought back %n entry of {year}-{month:02d} from this computer&apos;s copy in the shared folder.</numerusform>
            <numerusform>StressBreak brought back %n entries of {year}-{month:02d} from this computer&apos;s copy in the shared folder.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>summary</name>
    <message numerus="yes">
        <source>%n natural pauses</source>
        <translation>
            <numerusform>%n natural pause</numerusform>
            <numerusform>%n natural pauses</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n pauses taken</source>
        <translation>
            <numerusform>%n pause taken</numerusform>
            <numerusform>%n pauses taken</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n stress meters</source>
        <translation>
            <numerusform>%n stress meter</numerusform>
            <numerusform>%n stress meters</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Heart rhythm during pauses: RMSSD {rmssd} ms on average over %n pauses with a strap</source>
        <translation>
            <numerusform>Heart rhythm during pauses: RMSSD {rmssd} ms on average over %n pause with a strap</numerusform>
            <numerusform>Heart rhythm during pauses: RMSSD {rmssd} ms on average over %n pauses with a strap</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Heart rhythm during pauses: coherence {coherence} on average over %n pauses with a strap</source>
        <translation>
            <numerusform>Heart rhythm during pauses: coherence {coherence} on average over %n pause with a strap</numerusform>
            <numerusform>Heart rhythm during pauses: coherence {coherence} on average over %n pauses with a strap</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Heart rhythm during pauses: heart rate {rate} on average over %n pauses with a strap</source>
        <translation>
            <numerusform>Heart rhythm during pauses: heart rate {rate} on average over %n pause with a strap</numerusform>
            <numerusform>Heart rhythm during pauses: heart rate {rate} on average over %n pauses with a strap</numerusform>
        </translation>
    </message>
</context>
</TS>
