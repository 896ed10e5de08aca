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
</TS>
