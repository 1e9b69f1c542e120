<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ko_KR">
<context>
    <name>DropTarget</name>
    <message>
        <location filename="../../kokoon_desktop/ui/preview/drop_target.py" line="36"/>
        <source>Drop a video here, or Upload video… ({}), or paste a video ID in the Source field.</source>
        <translation>여기에 영상을 끌어다 놓거나, 영상 업로드…({})를 누르거나, 소스 칸에 영상 ID를 붙여 넣으세요.</translation>
    </message>
    <message>
        <location filename="../../kokoon_desktop/ui/preview/drop_target.py" line="64"/>
        <source>Drop to upload it</source>
        <translation>놓으면 업로드합니다</translation>
    </message>
</context>
<context>
    <name>HistoryPane</name>
    <message>
        <location filename="../../kokoon_desktop/ui/history_pane.py" line="91"/>
        <source>Search by name, ID, state…</source>
        <extracomment>A list of entries whose results to download (done rows; also Retry of a failed one).</extracomment>
        <translation>이름, ID, 상태로 검색…</translation>
    </message>
    <message>
        <location filename="../../kokoon_desktop/ui/history_pane.py" line="130"/>
        <source>History</source>
        <translation>기록</translation>
    </message>
    <message>
        <location filename="../../kokoon_desktop/ui/history_pane.py" line="261"/>
        <source>No task matches “{}”.</source>
        <translation>“{}”에 맞는 작업이 없습니다.</translation>
    </message>
    <message>
        <location filename="../../kokoon_desktop/ui/history_pane.py" line="264"/>
        <source>Tasks you submit appear here, with their state and their result; tasks made elsewhere with this account join them when the account is read (Refresh).</source>
        <translation>제출한 작업이 상태와 결과와 함께 여기에 표시됩니다. 이 계정으로 다른 곳에서 만든 작업은 계정을 다시 읽을 때(새로 고침) 함께 표시됩니다.</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../kokoon_desktop/ui/main_window.py" line="303"/>
        <source>Upload video…</source>
        <extracomment>Said on Submit and the other actions that need the service until the session is open. How much more than one column needs the form&apos;s height must be to go back to one. The narrowest the timeline area gets beside a form in two columns. The window&apos;s size on a screen with room for it; smaller screens get what they have.</extracomment>
        <translation>영상 업로드…</translation>
    </message>
    <message>
        <location filename="../../kokoon_desktop/ui/main_window.py" line="306"/>
        <source>Upload a local video as a new original (or drop it here)</source>
        <translation>로컬 영상을 새 원본으로 업로드합니다(여기에 끌어다 놓아도 됩니다)</translation>
    </message>
    <message>
        <location filename="../../kokoon_desktop/ui/main_window.py" line="309"/>
        <source>Refresh</source>
        <translation>새로 고침</translation>
    </message>
    <message>
        <location filename="../../kokoon_desktop/ui/main_window.py" line="312"/>
        <source>Read the account&apos;s tasks, the credit and the files again</source>
        <translation>계정의 작업, 크레딧, 파일을 다시 읽습니다</translation>
    </message>
    <message>
        <location filename="../../kokoon_desktop/ui/main_window.py" line="317"/>
        <source>Download the selected rows&apos; results (Ctrl+D)</source>
        <translation>선택한 행의 결과를 내려받습니다(Ctrl+D)</translation>
    </message>
    <message>
        <location filename="../../kokoon_desktop/ui/main_window.py" line="319"/>
        <source>Settings…</source>
        <translation>설정…</translation>
    </message>
    <message>
        <location filename="../../kokoon_desktop/ui/main_window.py" line="322"/>
        <source>Shortcuts</source>
        <translation>단축키</translation>
    </message>
    <message>
        <location filename="../../kokoon_desktop/ui/main_window.py" line="324"/>
        <source>The timeline&apos;s keyboard shortcuts (F1)</source>
        <translation>타임라인 단축키(F1)</translation>
    </message>
    <message>
        <location filename="../../kokoon_desktop/ui/main_window.py" line="327"/>
        <source>Quit</source>
        <translation>종료</translation>
    </message>
    <message>
        <location filename="../../kokoon_desktop/ui/main_window.py" line="357"/>
        <source>About Kokoon Desktop</source>
        <translation>Kokoon Desktop 정보</translation>
    </message>
    <message>
        <location filename="../../kokoon_desktop/ui/main_window.py" line="361"/>
        <source>&amp;File</source>
        <translation>파일(&amp;F)</translation>
    </message>
    <message>
        <location filename="../../kokoon_desktop/ui/main_window.py" line="366"/>
        <source>&amp;Edit</source>
        <translation>편집(&amp;E)</translation>
    </message>
    <message>
        <location filename="../../kokoon_desktop/ui/main_window.py" line="368"/>
        <source>&amp;View</source>
        <translation>보기(&amp;V)</translation>
    </message>
    <message>
        <location filename="../../kokoon_desktop/ui/main_window.py" line="371"/>
        <source>&amp;Help</source>
        <translation>도움말(&amp;H)</translation>
    </message>
</context>
<context>
    <name>TaskForm</name>
    <message>
        <location filename="../../kokoon_desktop/ui/task_form.py" line="165"/>
        <source>Paste a video ID, or browse</source>
        <extracomment>The frame rate as the service gives it (&quot;30000/1001&quot;); the timeline needs it. The service&apos;s picture of the video (a storage link: fetched without the token). The local file it was uploaded from, when it was (results land next to it). When each frame of the local file is shown (its frame index): the true frame count, and the milliseconds of a variable-rate file&apos;s frames. Interlaced pictures (camcorders, broadcast): Deinterlace is suggested. The chosen source (a SourceInfo), or None when an ID is typed or the source cleared.</extracomment>
        <translation>영상 ID를 붙여 넣거나 찾아보기</translation>
    </message>
    <message>
        <location filename="../../kokoon_desktop/ui/task_form.py" line="166"/>
        <source>Browse…</source>
        <translation>찾아보기…</translation>
    </message>
    <message>
        <location filename="../../kokoon_desktop/ui/task_form.py" line="167"/>
        <source>Choose one of the account&apos;s videos</source>
        <translation>계정의 영상 중 하나를 고릅니다</translation>
    </message>
    <message>
        <location filename="../../kokoon_desktop/ui/task_form.py" line="175"/>
        <source>Source</source>
        <translation>소스</translation>
    </message>
    <message>
        <location filename="../../kokoon_desktop/ui/task_form.py" line="208"/>
        <source>Treatment</source>
        <translation>처리</translation>
    </message>
    <message>
        <location filename="../../kokoon_desktop/ui/task_form.py" line="210"/>
        <source>Task</source>
        <translation>작업</translation>
    </message>
    <message>
        <location filename="../../kokoon_desktop/ui/task_form.py" line="211"/>
        <source>Category</source>
        <translation>카테고리</translation>
    </message>
    <message>
        <location filename="../../kokoon_desktop/ui/task_form.py" line="212"/>
        <source>Input quality</source>
        <translation>입력 품질</translation>
    </message>
    <message>
        <location filename="../../kokoon_desktop/ui/task_form.py" line="226"/>
        <source>AI options</source>
        <translation>AI 옵션</translation>
    </message>
    <message>
        <location filename="../../kokoon_desktop/ui/task_form.py" line="253"/>
        <source>Output</source>
        <translation>출력</translation>
    </message>
    <message>
        <location filename="../../kokoon_desktop/ui/task_form.py" line="255"/>
        <source>Size</source>
        <translation>크기</translation>
    </message>
    <message>
        <location filename="../../kokoon_desktop/ui/task_form.py" line="265"/>
        <source>Container</source>
        <translation>컨테이너</translation>
    </message>
    <message>
        <location filename="../../kokoon_desktop/ui/task_form.py" line="269"/>
        <source>Codec</source>
        <translation>코덱</translation>
    </message>
    <message>
        <location filename="../../kokoon_desktop/ui/task_form.py" line="276"/>
        <location filename="../../kokoon_desktop/ui/task_form.py" line="606"/>
        <source>Submit</source>
        <translation>제출</translation>
    </message>
    <message>
        <location filename="../../kokoon_desktop/ui/task_form.py" line="606"/>
        <source>Submitting…</source>
        <translation>제출하는 중…</translation>
    </message>
</context>
</TS>
