<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ko_KR">
<context>
    <name>AboutDialog</name>
    <message>
        <location filename="../../kokoon_desktop/ui/about_dialog.py" line="31"/>
        <source>Kokoon Desktop is free software: you can redistribute it and modify it under the terms of the GNU General Public License, version 3 or (at your option) any later version. It comes with no warranty. The components it includes keep their own licences, listed below.</source>
        <translation>Kokoon Desktop은 자유 소프트웨어입니다. GNU 일반 공중 사용 허가서 버전 3 또는 (선택에 따라) 그 이후 버전의 조건에 따라 재배포하고 수정할 수 있습니다. 어떠한 보증도 제공하지 않습니다. 포함된 구성 요소는 각자의 라이선스를 따르며, 아래에 나열되어 있습니다.</translation>
    </message>
    <message>
        <location filename="../../kokoon_desktop/ui/about_dialog.py" line="83"/>
        <source>About Kokoon Desktop</source>
        <extracomment>The distributions whose versions a bug report needs, by the name shown.</extracomment>
        <translation>Kokoon Desktop 정보</translation>
    </message>
    <message>
        <location filename="../../kokoon_desktop/ui/about_dialog.py" line="91"/>
        <source>Cloud video super-resolution for editors: drop a clip, trim it, and get it back upscaled next to your edit.</source>
        <translation>편집자를 위한 클라우드 영상 초해상도: 클립을 끌어다 놓고 구간을 자르면, 업스케일된 결과를 편집 파일 옆에 받아 볼 수 있습니다.</translation>
    </message>
    <message>
        <location filename="../../kokoon_desktop/ui/about_dialog.py" line="101"/>
        <location filename="../../kokoon_desktop/ui/about_dialog.py" line="120"/>
        <source>Versions</source>
        <translation>버전</translation>
    </message>
    <message>
        <location filename="../../kokoon_desktop/ui/about_dialog.py" line="112"/>
        <source>The licence files were not found beside the application.</source>
        <translation>애플리케이션 옆에서 라이선스 파일을 찾지 못했습니다.</translation>
    </message>
    <message>
        <location filename="../../kokoon_desktop/ui/about_dialog.py" line="115"/>
        <location filename="../../kokoon_desktop/ui/about_dialog.py" line="121"/>
        <source>Licences</source>
        <translation>라이선스</translation>
    </message>
    <message>
        <location filename="../../kokoon_desktop/ui/about_dialog.py" line="124"/>
        <source>Copy versions</source>
        <translation>버전 복사</translation>
    </message>
</context>
<context>
    <name>ApiErrors</name>
    <message>
        <location filename="../../kokoon_desktop/api/failures.py" line="77"/>
        <source>Not enough credit for this task.</source>
        <translation>이 작업에 필요한 크레딧이 부족합니다.</translation>
    </message>
    <message>
        <location filename="../../kokoon_desktop/api/failures.py" line="83"/>
        <source>The service refused the API token ({status}): {said_ended} Sign in again with a valid token.</source>
        <translation>서비스가 API 토큰을 거부했습니다({status}): {said_ended} 유효한 토큰으로 다시 로그인하세요.</translation>
    </message>
    <message>
        <location filename="../../kokoon_desktop/api/failures.py" line="89"/>
        <source>The service refused the API token ({status}). Sign in again with a valid token.</source>
        <translation>서비스가 API 토큰을 거부했습니다({status}). 유효한 토큰으로 다시 로그인하세요.</translation>
    </message>
    <message>
        <location filename="../../kokoon_desktop/api/failures.py" line="99"/>
        <source>Not found: {said}</source>
        <translation>찾을 수 없습니다: {said}</translation>
    </message>
    <message>
        <location filename="../../kokoon_desktop/api/failures.py" line="101"/>
        <source>Not found.</source>
        <translation>찾을 수 없습니다.</translation>
    </message>
    <message>
        <location filename="../../kokoon_desktop/api/failures.py" line="108"/>
        <source>The service is limiting requests (429): {said_ended} Try again in {seconds} s.</source>
        <translation>서비스가 요청을 제한하고 있습니다(429): {said_ended} {seconds}초 후에 다시 시도하세요.</translation>
    </message>
    <message>
        <location filename="../../kokoon_desktop/api/failures.py" line="114"/>
        <source>The service is limiting requests (429). Try again in {seconds} s.</source>
        <translation>서비스가 요청을 제한하고 있습니다(429). {seconds}초 후에 다시 시도하세요.</translation>
    </message>
    <message>
        <location filename="../../kokoon_desktop/api/failures.py" line="121"/>
        <source>The service is limiting requests (429): {said}</source>
        <translation>서비스가 요청을 제한하고 있습니다(429): {said}</translation>
    </message>
    <message>
        <location filename="../../kokoon_desktop/api/failures.py" line="123"/>
        <source>The service is limiting requests (429).</source>
        <translation>서비스가 요청을 제한하고 있습니다(429).</translation>
    </message>
    <message>
        <location filename="../../kokoon_desktop/api/failures.py" line="134"/>
        <source>The service refused the request ({status}): {said}</source>
        <translation>서비스가 요청을 거부했습니다({status}): {said}</translation>
    </message>
    <message>
        <location filename="../../kokoon_desktop/api/failures.py" line="136"/>
        <source>The service refused the request ({status}).</source>
        <translation>서비스가 요청을 거부했습니다({status}).</translation>
    </message>
    <message>
        <location filename="../../kokoon_desktop/api/failures.py" line="143"/>
        <source>The service failed ({status}): {said_ended} Try again later.</source>
        <translation>서비스에 오류가 발생했습니다({status}): {said_ended} 나중에 다시 시도하세요.</translation>
    </message>
    <message>
        <location filename="../../kokoon_desktop/api/failures.py" line="147"/>
        <source>The service failed ({status}). Try again later.</source>
        <translation>서비스에 오류가 발생했습니다({status}). 나중에 다시 시도하세요.</translation>
    </message>
    <message>
        <location filename="../../kokoon_desktop/api/failures.py" line="151"/>
        <source>The service answered with an unexpected status {status}.</source>
        <translation>서비스가 예상하지 못한 상태 {status}(으)로 응답했습니다.</translation>
    </message>
    <message>
        <location filename="../../kokoon_desktop/api/failures.py" line="162"/>
        <source>The service sent an answer that is not JSON (status {status}).</source>
        <translation>서비스가 JSON이 아닌 응답을 보냈습니다(상태 {status}).</translation>
    </message>
    <message>
        <location filename="../../kokoon_desktop/api/failures.py" line="174"/>
        <source>Could not connect to {host}: the certificate presented for {host} is not trusted here. Check the API address, or ask whoever runs the network which authority to trust.</source>
        <extracomment>A transport failure&apos;s sentences, each twice: (directly, through a proxy).</extracomment>
        <translation>{host}에 연결할 수 없습니다. {host}에 대해 제시된 인증서를 이 컴퓨터에서 신뢰하지 않습니다. API 주소를 확인하거나, 네트워크 관리자에게 어떤 인증 기관을 신뢰해야 하는지 문의하세요.</translation>
    </message>
    <message>
        <location filename="../../kokoon_desktop/api/failures.py" line="180"/>
        <source>Could not reach {host} through the proxy {proxy}: the certificate presented for {host} is not trusted here. A proxy that inspects encrypted traffic needs its authority in the system&apos;s certificate store.</source>
        <translation>프록시 {proxy}를 통해 {host}에 연결할 수 없습니다. {host}에 대해 제시된 인증서를 이 컴퓨터에서 신뢰하지 않습니다. 암호화된 트래픽을 검사하는 프록시라면 그 인증 기관을 시스템 인증서 저장소에 추가해야 합니다.</translation>
    </message>
    <message>
        <location filename="../../kokoon_desktop/api/failures.py" line="188"/>
        <source>Could not connect to {host}: the proxy refused ({reason}). Check the proxy settings.</source>
        <translation>{host}에 연결할 수 없습니다. 프록시가 거부했습니다({reason}). 프록시 설정을 확인하세요.</translation>
    </message>
    <message>
        <location filename="../../kokoon_desktop/api/failures.py" line="192"/>
        <source>Could not reach {host} through the proxy {proxy}: the proxy refused ({reason}). Check the proxy settings.</source>
        <translation>프록시 {proxy}를 통해 {host}에 연결할 수 없습니다. 프록시가 거부했습니다({reason}). 프록시 설정을 확인하세요.</translation>
    </message>
    <message>
        <location filename="../../kokoon_desktop/api/failures.py" line="199"/>
        <source>Could not connect to {host}: no answer in time. Check the network and the API address.</source>
        <translation>{host}에 연결할 수 없습니다. 제시간에 응답이 없습니다. 네트워크와 API 주소를 확인하세요.</translation>
    </message>
    <message>
        <location filename="../../kokoon_desktop/api/failures.py" line="204"/>
        <source>Could not reach {host} through the proxy {proxy}: no answer in time. Check the proxy settings and the network.</source>
        <translation>프록시 {proxy}를 통해 {host}에 연결할 수 없습니다. 제시간에 응답이 없습니다. 프록시 설정과 네트워크를 확인하세요.</translation>
    </message>
    <message>
        <location filename="../../kokoon_desktop/api/failures.py" line="211"/>
        <source>Could not connect to {host}: {reason}. Check the network and the API address.</source>
        <translation>{host}에 연결할 수 없습니다: {reason}. 네트워크와 API 주소를 확인하세요.</translation>
    </message>
    <message>
        <location filename="../../kokoon_desktop/api/failures.py" line="215"/>
        <source>Could not reach {host} through the proxy {proxy}: {reason}. Check the proxy settings and the network.</source>
        <translation>프록시 {proxy}를 통해 {host}에 연결할 수 없습니다: {reason}. 프록시 설정과 네트워크를 확인하세요.</translation>
    </message>
    <message>
        <location filename="../../kokoon_desktop/api/failures.py" line="222"/>
        <source>Could not connect to {host}. Check the network and the API address.</source>
        <translation>{host}에 연결할 수 없습니다. 네트워크와 API 주소를 확인하세요.</translation>
    </message>
    <message>
        <location filename="../../kokoon_desktop/api/failures.py" line="225"/>
        <source>Could not reach {host} through the proxy {proxy}. Check the proxy settings and the network.</source>
        <translation>프록시 {proxy}를 통해 {host}에 연결할 수 없습니다. 프록시 설정과 네트워크를 확인하세요.</translation>
    </message>
    <message>
        <location filename="../../kokoon_desktop/api/failures.py" line="232"/>
        <source>{host} took too long to answer.</source>
        <translation>{host}의 응답이 너무 오래 걸립니다.</translation>
    </message>
    <message>
        <location filename="../../kokoon_desktop/api/failures.py" line="233"/>
        <source>{host} took too long to answer through the proxy {proxy}.</source>
        <translation>프록시 {proxy}를 통한 {host}의 응답이 너무 오래 걸립니다.</translation>
    </message>
    <message>
        <location filename="../../kokoon_desktop/api/failures.py" line="236"/>
        <source>The connection to {host} broke off before the exchange was complete.</source>
        <translation>주고받기가 끝나기 전에 {host}와의 연결이 끊어졌습니다.</translation>
    </message>
    <message>
        <location filename="../../kokoon_desktop/api/failures.py" line="239"/>
        <source>The connection to {host} through the proxy {proxy} broke off before the exchange was complete.</source>
        <translation>주고받기가 끝나기 전에 프록시 {proxy}를 통한 {host}와의 연결이 끊어졌습니다.</translation>
    </message>
    <message>
        <location filename="../../kokoon_desktop/api/failures.py" line="246"/>
        <source>Network error talking to {host}.</source>
        <translation>{host}와 통신하는 중 네트워크 오류가 발생했습니다.</translation>
    </message>
    <message>
        <location filename="../../kokoon_desktop/api/failures.py" line="247"/>
        <source>Network error talking to {host} through the proxy {proxy}.</source>
        <translation>프록시 {proxy}를 통해 {host}와 통신하는 중 네트워크 오류가 발생했습니다.</translation>
    </message>
    <message>
        <location filename="../../kokoon_desktop/api/failures.py" line="264"/>
        <source>no reason given</source>
        <translation>이유 없음</translation>
    </message>
</context>
<context>
    <name>ClipPreview</name>
    <message>
        <location filename="../../kokoon_desktop/ui/preview/clip_preview.py" line="37"/>
        <source>No copy of this video on this computer: the timeline works from the service&apos;s length and frame rate. Upload the file to see its exact frames and a filmstrip.</source>
        <extracomment>How long a frame asked for may take before the preview shows that it is decoding.</extracomment>
        <translation>이 컴퓨터에 이 영상의 사본이 없습니다. 타임라인은 서비스가 알려 준 길이와 프레임 레이트로 동작합니다. 정확한 프레임과 필름스트립을 보려면 파일을 업로드하세요.</translation>
    </message>
    <message>
        <location filename="../../kokoon_desktop/ui/preview/clip_preview.py" line="43"/>
        <source>Fetching the service&apos;s thumbnail of this video…</source>
        <translation>서비스에서 이 영상의 썸네일을 가져오는 중…</translation>
    </message>
    <message>
        <location filename="../../kokoon_desktop/ui/preview/clip_preview.py" line="44"/>
        <source>Thumbnail from the service · upload the file for exact frames</source>
        <translation>서비스의 썸네일 · 정확한 프레임을 보려면 파일을 업로드하세요</translation>
    </message>
    <message>
        <location filename="../../kokoon_desktop/ui/preview/clip_preview.py" line="134"/>
        <source>{timecode}  ·  frame {frame}</source>
        <extracomment>Slots of a coarse strip (keyframes) already asked for their exact frames.</extracomment>
        <translation>{timecode}  ·  {frame}번 프레임</translation>
    </message>
</context>
<context>
    <name>CompareCanvas</name>
    <message>
        <location filename="../../kokoon_desktop/ui/compare/canvas.py" line="58"/>
        <source>Before and after</source>
        <extracomment>How close (logical pixels) to the divider a press grabs it rather than panning. Between the two halves of side by side. A press that moves less than this is a click (toggle flips), not a pan.</extracomment>
        <translation>처리 전후</translation>
    </message>
    <message>
        <location filename="../../kokoon_desktop/ui/compare/canvas.py" line="196"/>
        <source>Click, T or hold Space: flip</source>
        <translation>클릭, T 또는 Space 누르고 있기: 전환</translation>
    </message>
</context>
<context>
    <name>CompareFrames</name>
    <message>
        <location filename="../../kokoon_desktop/media/compare_frames.py" line="52"/>
        <source>“{name}” has {count} frames: none from frame {first} on to compare with.</source>
        <translation>“{name}”에는 프레임이 {count}개뿐이라 {first}번 프레임부터 비교할 프레임이 없습니다.</translation>
    </message>
</context>
<context>
    <name>CompareWindow</name>
    <message>
        <location filename="../../kokoon_desktop/ui/compare/window.py" line="90"/>
        <source>Compare — {title}</source>
        <extracomment>Room above each half of a snapshot for its label. Makes the pair reader; called in the loader&apos;s worker thread. The source&apos;s frame the pair 0 shows, and its rate (the frame labels&apos; timecode). A preview: offer to submit the full task with its settings. A stem for snapshot file names. The user asked to submit the full task with the settings of this preview. The window was closed (its files are being closed).</extracomment>
        <translation>비교 — {title}</translation>
    </message>
    <message>
        <location filename="../../kokoon_desktop/ui/compare/window.py" line="124"/>
        <source>Split</source>
        <translation>분할</translation>
    </message>
    <message>
        <location filename="../../kokoon_desktop/ui/compare/window.py" line="125"/>
        <source>Side by side</source>
        <translation>나란히</translation>
    </message>
    <message>
        <location filename="../../kokoon_desktop/ui/compare/window.py" line="126"/>
        <source>Toggle</source>
        <translation>전환</translation>
    </message>
    <message>
        <location filename="../../kokoon_desktop/ui/compare/window.py" line="132"/>
        <source>{mode} ({key})</source>
        <translation>{mode} ({key})</translation>
    </message>
    <message>
        <location filename="../../kokoon_desktop/ui/compare/window.py" line="141"/>
        <source>Zoom</source>
        <translation>확대/축소</translation>
    </message>
    <message>
        <location filename="../../kokoon_desktop/ui/compare/window.py" line="142"/>
        <source>Zoom (Ctrl+wheel; Ctrl+0 fits, Ctrl+1 is 100%)</source>
        <translation>확대/축소(Ctrl+휠, Ctrl+0은 창에 맞춤, Ctrl+1은 100%)</translation>
    </message>
    <message>
        <location filename="../../kokoon_desktop/ui/compare/window.py" line="144"/>
        <location filename="../../kokoon_desktop/ui/compare/window.py" line="299"/>
        <location filename="../../kokoon_desktop/ui/compare/window.py" line="308"/>
        <source>Fit</source>
        <translation>맞춤</translation>
    </message>
    <message>
        <location filename="../../kokoon_desktop/ui/compare/window.py" line="150"/>
        <source>Save snapshot…</source>
        <translation>스냅샷 저장…</translation>
    </message>
    <message>
        <location filename="../../kokoon_desktop/ui/compare/window.py" line="151"/>
        <source>Save what is shown, both sides labelled, as PNG</source>
        <translation>보이는 화면을 양쪽 이름표와 함께 PNG로 저장합니다</translation>
    </message>
    <message>
        <location filename="../../kokoon_desktop/ui/compare/window.py" line="154"/>
        <source>Submit full task with these settings</source>
        <translation>이 설정으로 전체 작업 제출</translation>
    </message>
    <message>
        <location filename="../../kokoon_desktop/ui/compare/window.py" line="156"/>
        <source>The same source, range and settings as this preview, as a full task</source>
        <translation>이 미리보기와 같은 소스, 구간, 설정으로 전체 작업을 제출합니다</translation>
    </message>
    <message>
        <location filename="../../kokoon_desktop/ui/compare/window.py" line="165"/>
        <source>Previous frame</source>
        <translation>이전 프레임</translation>
    </message>
    <message>
        <location filename="../../kokoon_desktop/ui/compare/window.py" line="166"/>
        <source>Previous frame (Left)</source>
        <translation>이전 프레임(왼쪽 화살표)</translation>
    </message>
    <message>
        <location filename="../../kokoon_desktop/ui/compare/window.py" line="170"/>
        <source>Next frame</source>
        <translation>다음 프레임</translation>
    </message>
    <message>
        <location filename="../../kokoon_desktop/ui/compare/window.py" line="171"/>
        <source>Next frame (Right)</source>
        <translation>다음 프레임(오른쪽 화살표)</translation>
    </message>
    <message>
        <location filename="../../kokoon_desktop/ui/compare/window.py" line="174"/>
        <source>Frame</source>
        <translation>프레임</translation>
    </message>
    <message>
        <location filename="../../kokoon_desktop/ui/compare/window.py" line="178"/>
        <source>Opening…</source>
        <translation>여는 중…</translation>
    </message>
    <message>
        <location filename="../../kokoon_desktop/ui/compare/window.py" line="242"/>
        <source>The files to compare hold no frame.</source>
        <translation>비교할 파일에 프레임이 없습니다.</translation>
    </message>
    <message>
        <location filename="../../kokoon_desktop/ui/compare/window.py" line="259"/>
        <source>These frames cannot be shown: {reason}</source>
        <translation>이 프레임을 표시할 수 없습니다: {reason}</translation>
    </message>
    <message>
        <location filename="../../kokoon_desktop/ui/compare/window.py" line="273"/>
        <source>Before · source {w}×{h}, Lanczos to {W}×{H}</source>
        <translation>전 · 원본 {w}×{h}, Lanczos로 {W}×{H} 확대</translation>
    </message>
    <message>
        <location filename="../../kokoon_desktop/ui/compare/window.py" line="277"/>
        <source>Before · source {w}×{h}</source>
        <translation>전 · 원본 {w}×{h}</translation>
    </message>
    <message>
        <location filename="../../kokoon_desktop/ui/compare/window.py" line="278"/>
        <source>After · Kokoon SR {W}×{H}</source>
        <translation>후 · Kokoon SR {W}×{H}</translation>
    </message>
    <message>
        <location filename="../../kokoon_desktop/ui/compare/window.py" line="283"/>
        <source>Frame {number} of {count}</source>
        <translation>{count}개 중 {number}번 프레임</translation>
    </message>
    <message>
        <location filename="../../kokoon_desktop/ui/compare/window.py" line="289"/>
        <source>{frame} · source {timecode}</source>
        <translation>{frame} · 소스 {timecode}</translation>
    </message>
    <message>
        <location filename="../../kokoon_desktop/ui/compare/window.py" line="291"/>
        <source>{frame} · decoding…</source>
        <translation>{frame} · 디코딩 중…</translation>
    </message>
    <message>
        <location filename="../../kokoon_desktop/ui/compare/window.py" line="342"/>
        <source>{path} could not be written.</source>
        <translation>{path}에 쓸 수 없습니다.</translation>
    </message>
    <message>
        <location filename="../../kokoon_desktop/ui/compare/window.py" line="354"/>
        <source>The snapshot was not saved: {reason}</source>
        <translation>스냅샷을 저장하지 못했습니다: {reason}</translation>
    </message>
    <message>
        <location filename="../../kokoon_desktop/ui/compare/window.py" line="357"/>
        <source>Snapshot saved to {path}</source>
        <translation>스냅샷을 {path}에 저장했습니다</translation>
    </message>
    <message>
        <location filename="../../kokoon_desktop/ui/compare/window.py" line="362"/>
        <source>Save snapshot</source>
        <translation>스냅샷 저장</translation>
    </message>
    <message>
        <location filename="../../kokoon_desktop/ui/compare/window.py" line="362"/>
        <source>PNG images (*.png)</source>
        <translation>PNG 이미지 (*.png)</translation>
    </message>
</context>
<context>
    <name>Connection</name>
    <message>
        <location filename="../../kokoon_desktop/services/connection.py" line="50"/>
        <source>Demo — simulated service</source>
        <translation>데모 — 시뮬레이션 서비스</translation>
    </message>
</context>
<context>
    <name>CrashDialog</name>
    <message>
        <location filename="../../kokoon_desktop/ui/crash_dialog.py" line="37"/>
        <source>Something went wrong in Kokoon Desktop.</source>
        <translation>Kokoon Desktop에 문제가 발생했습니다.</translation>
    </message>
    <message>
        <location filename="../../kokoon_desktop/ui/crash_dialog.py" line="38"/>
        <source>Your work is safe: submissions are saved before they are sent. You can keep working. If this happens again, copy the report and send it to support.</source>
        <translation>작업 내용은 안전합니다. 제출 내용은 보내기 전에 저장됩니다. 계속 작업하셔도 됩니다. 같은 일이 다시 생기면 보고서를 복사해 지원팀에 보내 주세요.</translation>
    </message>
    <message>
        <location filename="../../kokoon_desktop/ui/crash_dialog.py" line="82"/>
        <source>Kokoon Desktop — unexpected error</source>
        <translation>Kokoon Desktop — 예기치 않은 오류</translation>
    </message>
    <message>
        <location filename="../../kokoon_desktop/ui/crash_dialog.py" line="101"/>
        <source>What failed</source>
        <translation>실패한 내용</translation>
    </message>
    <message>
        <location filename="../../kokoon_desktop/ui/crash_dialog.py" line="117"/>
        <location filename="../../kokoon_desktop/ui/crash_dialog.py" line="118"/>
        <location filename="../../kokoon_desktop/ui/crash_dialog.py" line="202"/>
        <source>Show report</source>
        <translation>보고서 보기</translation>
    </message>
    <message>
        <location filename="../../kokoon_desktop/ui/crash_dialog.py" line="126"/>
        <source>Report</source>
        <translation>보고서</translation>
    </message>
    <message>
        <location filename="../../kokoon_desktop/ui/crash_dialog.py" line="141"/>
        <source>The report is also written to the log file:
{path}</source>
        <translation>보고서는 로그 파일에도 기록됩니다:
{path}</translation>
    </message>
    <message>
        <location filename="../../kokoon_desktop/ui/crash_dialog.py" line="149"/>
        <location filename="../../kokoon_desktop/ui/crash_dialog.py" line="151"/>
        <source>Copy report</source>
        <translation>보고서 복사</translation>
    </message>
    <message>
        <location filename="../../kokoon_desktop/ui/crash_dialog.py" line="153"/>
        <location filename="../../kokoon_desktop/ui/crash_dialog.py" line="155"/>
        <source>Close</source>
        <translation>닫기</translation>
    </message>
    <message>
        <location filename="../../kokoon_desktop/ui/crash_dialog.py" line="191"/>
        <source>{count} errors occurred in Kokoon Desktop.</source>
        <translation>Kokoon Desktop에서 오류가 {count}개 발생했습니다.</translation>
    </message>
    <message>
        <location filename="../../kokoon_desktop/ui/crash_dialog.py" line="193"/>
        <source>Latest: {summary}</source>
        <translation>최근: {summary}</translation>
    </message>
    <message>
        <location filename="../../kokoon_desktop/ui/crash_dialog.py" line="202"/>
        <source>Hide report</source>
        <translation>보고서 숨기기</translation>
    </message>
    <message>
        <location filename="../../kokoon_desktop/ui/crash_dialog.py" line="224"/>
        <source>Copied to the clipboard.</source>
        <translation>클립보드에 복사했습니다.</translation>
    </message>
</context>
<context>
    <name>Downloads</name>
    <message>
        <location filename="../../kokoon_desktop/services/downloads.py" line="146"/>
        <source>The app is closing.</source>
        <extracomment>Tries of one download against storage 5xx and network failures, and the first pause. Progress reaches the window at most this often per download. Weight of the newest sample in the speed shown (an exponential average). Whether a task that finishes while followed downloads by itself.</extracomment>
        <translation>앱을 종료하는 중입니다.</translation>
    </message>
    <message>
        <location filename="../../kokoon_desktop/services/downloads.py" line="149"/>
        <source>The row is no longer in the history.</source>
        <translation>이 행은 더 이상 기록에 없습니다.</translation>
    </message>
    <message>
        <location filename="../../kokoon_desktop/services/downloads.py" line="155"/>
        <source>Already downloaded: {path}</source>
        <translation>이미 다운로드했습니다: {path}</translation>
    </message>
    <message>
        <location filename="../../kokoon_desktop/services/downloads.py" line="286"/>
        <source>{reason} Use Retry to continue the download.</source>
        <translation>{reason} 다시 시도를 눌러 다운로드를 이어 가세요.</translation>
    </message>
    <message>
        <location filename="../../kokoon_desktop/services/downloads.py" line="297"/>
        <source>The partial file of {name} kept vanishing.</source>
        <translation>{name}의 임시 파일이 계속 사라졌습니다.</translation>
    </message>
    <message>
        <location filename="../../kokoon_desktop/services/downloads.py" line="313"/>
        <source>The result&apos;s details could not be read: {reason}</source>
        <translation>결과의 세부 정보를 읽지 못했습니다: {reason}</translation>
    </message>
    <message>
        <location filename="../../kokoon_desktop/services/downloads.py" line="319"/>
        <source>The result is not ready to download (state: {state}).</source>
        <translation>결과를 아직 다운로드할 수 없습니다(상태: {state}).</translation>
    </message>
    <message>
        <location filename="../../kokoon_desktop/services/downloads.py" line="365"/>
        <source>The provenance file could not be written: {reason}</source>
        <translation>처리 내역 파일을 쓰지 못했습니다: {reason}</translation>
    </message>
    <message>
        <location filename="../../kokoon_desktop/services/downloads.py" line="425"/>
        <source>Only a task that is done has a result to download.</source>
        <translation>완료된 작업만 다운로드할 결과가 있습니다.</translation>
    </message>
    <message>
        <location filename="../../kokoon_desktop/services/downloads.py" line="443"/>
        <source>The disk holding the output folder is full: free some space, then Retry.</source>
        <translation>출력 폴더가 있는 디스크가 가득 찼습니다. 공간을 확보한 뒤 다시 시도하세요.</translation>
    </message>
    <message>
        <location filename="../../kokoon_desktop/services/downloads.py" line="448"/>
        <source>Kokoon Desktop may not write in the output folder: choose another output folder.</source>
        <translation>Kokoon Desktop이 출력 폴더에 쓸 권한이 없습니다. 다른 출력 폴더를 선택하세요.</translation>
    </message>
    <message>
        <location filename="../../kokoon_desktop/services/downloads.py" line="452"/>
        <source>Writing in the output folder failed: {reason}.</source>
        <translation>출력 폴더에 쓰지 못했습니다: {reason}.</translation>
    </message>
    <message>
        <location filename="../../kokoon_desktop/services/downloads.py" line="457"/>
        <source>The disk holding {folder} is full: free some space, then Retry.</source>
        <translation>{folder}이(가) 있는 디스크가 가득 찼습니다. 공간을 확보한 뒤 다시 시도하세요.</translation>
    </message>
    <message>
        <location filename="../../kokoon_desktop/services/downloads.py" line="461"/>
        <source>Kokoon Desktop may not write in {folder}: choose another output folder.</source>
        <translation>Kokoon Desktop이 {folder}에 쓸 권한이 없습니다. 다른 출력 폴더를 선택하세요.</translation>
    </message>
    <message>
        <location filename="../../kokoon_desktop/services/downloads.py" line="464"/>
        <source>Writing in {folder} failed: {reason}.</source>
        <translation>{folder}에 쓰지 못했습니다: {reason}.</translation>
    </message>
</context>
<context>
    <name>DropTarget</name>
    <message>
        <location filename="../../kokoon_desktop/ui/preview/drop_target.py" line="27"/>
        <source>No source yet</source>
        <translation>아직 소스 없음</translation>
    </message>
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
    <name>Endpoint</name>
    <message>
        <location filename="../../kokoon_desktop/core/endpoint.py" line="60"/>
        <source>{text} is not a valid URL: {reason}</source>
        <translation>{text}은(는) 올바른 URL이 아닙니다: {reason}</translation>
    </message>
    <message>
        <location filename="../../kokoon_desktop/core/endpoint.py" line="67"/>
        <source>The address contains a user name or password; give the API token in the settings instead, where it is kept in the system keychain.</source>
        <translation>주소에 사용자 이름이나 비밀번호가 들어 있습니다. 대신 설정에서 API 토큰을 입력하세요. 토큰은 시스템 키체인에 보관됩니다.</translation>
    </message>
    <message>
        <location filename="../../kokoon_desktop/core/endpoint.py" line="75"/>
        <source>{text} is not a web address: the API URL starts with https:// and names a host.</source>
        <translation>{text}은(는) 웹 주소가 아닙니다. API URL은 https://로 시작하고 호스트 이름을 포함해야 합니다.</translation>
    </message>
    <message>
        <location filename="../../kokoon_desktop/core/endpoint.py" line="82"/>
        <source>Refusing plain http:// for {host}: the token would travel unencrypted. Use https://, or http:// only for a service on this machine (localhost).</source>
        <translation>{host}에는 암호화되지 않은 http://를 쓸 수 없습니다. 토큰이 암호화되지 않은 채 전송되기 때문입니다. https://를 사용하고, http://는 이 컴퓨터의 서비스(localhost)에만 사용하세요.</translation>
    </message>
    <message>
        <location filename="../../kokoon_desktop/core/endpoint.py" line="91"/>
        <source>The address should not contain &apos;?&apos; or &apos;#&apos;: give the API&apos;s base address.</source>
        <translation>주소에 &apos;?&apos;나 &apos;#&apos;가 들어가면 안 됩니다. API의 기본 주소를 입력하세요.</translation>
    </message>
</context>
<context>
    <name>HistoryPane</name>
    <message>
        <location filename="../../kokoon_desktop/ui/history_pane.py" line="94"/>
        <source>Search history</source>
        <extracomment>A list of entries whose results to download (done rows; also Retry of a failed one). A done preview, or a downloaded result, to look at against its source.</extracomment>
        <translation>기록 검색</translation>
    </message>
    <message>
        <location filename="../../kokoon_desktop/ui/history_pane.py" line="95"/>
        <source>Search by name, ID, state…</source>
        <translation>이름, ID, 상태로 검색…</translation>
    </message>
    <message>
        <location filename="../../kokoon_desktop/ui/history_pane.py" line="103"/>
        <location filename="../../kokoon_desktop/ui/history_pane.py" line="134"/>
        <source>History</source>
        <translation>기록</translation>
    </message>
    <message>
        <location filename="../../kokoon_desktop/ui/history_pane.py" line="180"/>
        <source>Copy task ID</source>
        <translation>작업 ID 복사</translation>
    </message>
    <message>
        <location filename="../../kokoon_desktop/ui/history_pane.py" line="181"/>
        <source>Copy input video ID</source>
        <translation>입력 영상 ID 복사</translation>
    </message>
    <message>
        <location filename="../../kokoon_desktop/ui/history_pane.py" line="182"/>
        <source>Copy output video ID</source>
        <translation>출력 영상 ID 복사</translation>
    </message>
    <message>
        <location filename="../../kokoon_desktop/ui/history_pane.py" line="183"/>
        <source>Copy request as JSON</source>
        <translation>요청을 JSON으로 복사</translation>
    </message>
    <message>
        <location filename="../../kokoon_desktop/ui/history_pane.py" line="184"/>
        <source>Copy as curl command</source>
        <translation>curl 명령으로 복사</translation>
    </message>
    <message>
        <location filename="../../kokoon_desktop/ui/history_pane.py" line="185"/>
        <location filename="../../kokoon_desktop/ui/history_pane.py" line="325"/>
        <source>Download result</source>
        <translation>결과 다운로드</translation>
    </message>
    <message>
        <location filename="../../kokoon_desktop/ui/history_pane.py" line="186"/>
        <source>Open result</source>
        <translation>결과 열기</translation>
    </message>
    <message>
        <location filename="../../kokoon_desktop/ui/history_pane.py" line="187"/>
        <source>Reveal in folder</source>
        <translation>폴더에서 보기</translation>
    </message>
    <message>
        <location filename="../../kokoon_desktop/ui/history_pane.py" line="190"/>
        <location filename="../../kokoon_desktop/ui/history_pane.py" line="335"/>
        <source>Compare with source</source>
        <translation>소스와 비교</translation>
    </message>
    <message>
        <location filename="../../kokoon_desktop/ui/history_pane.py" line="194"/>
        <source>Edit and resubmit</source>
        <translation>수정해서 다시 제출</translation>
    </message>
    <message>
        <location filename="../../kokoon_desktop/ui/history_pane.py" line="195"/>
        <source>Check on server</source>
        <translation>서버에서 확인</translation>
    </message>
    <message>
        <location filename="../../kokoon_desktop/ui/history_pane.py" line="198"/>
        <source>Remove from history</source>
        <translation>기록에서 삭제</translation>
    </message>
    <message>
        <location filename="../../kokoon_desktop/ui/history_pane.py" line="294"/>
        <source>No task matches “{}”.</source>
        <translation>“{}”에 맞는 작업이 없습니다.</translation>
    </message>
    <message>
        <location filename="../../kokoon_desktop/ui/history_pane.py" line="297"/>
        <source>Tasks you submit appear here, with their state and their result; tasks made elsewhere with this account join them when the account is read (Refresh).</source>
        <translation>제출한 작업이 상태와 결과와 함께 여기에 표시됩니다. 이 계정으로 다른 곳에서 만든 작업은 계정을 다시 읽을 때(새로 고침) 함께 표시됩니다.</translation>
    </message>
    <message>
        <location filename="../../kokoon_desktop/ui/history_pane.py" line="325"/>
        <source>Retry download</source>
        <translation>다운로드 다시 시도</translation>
    </message>
    <message>
        <location filename="../../kokoon_desktop/ui/history_pane.py" line="335"/>
        <source>Compare preview with source</source>
        <translation>미리보기를 소스와 비교</translation>
    </message>
    <message>
        <location filename="../../kokoon_desktop/ui/history_pane.py" line="351"/>
        <source>{shown} of {total}</source>
        <translation>{total}개 중 {shown}개</translation>
    </message>
</context>
<context>
    <name>HistoryState</name>
    <message>
        <location filename="../../kokoon_desktop/storage/history_text.py" line="40"/>
        <source>Queued</source>
        <translation>대기 중</translation>
    </message>
    <message>
        <location filename="../../kokoon_desktop/storage/history_text.py" line="41"/>
        <source>Preparing</source>
        <translation>준비 중</translation>
    </message>
    <message>
        <location filename="../../kokoon_desktop/storage/history_text.py" line="42"/>
        <source>Prepared</source>
        <translation>준비됨</translation>
    </message>
    <message>
        <location filename="../../kokoon_desktop/storage/history_text.py" line="43"/>
        <source>Running</source>
        <translation>처리 중</translation>
    </message>
    <message>
        <location filename="../../kokoon_desktop/storage/history_text.py" line="44"/>
        <source>Done</source>
        <translation>완료</translation>
    </message>
    <message>
        <location filename="../../kokoon_desktop/storage/history_text.py" line="45"/>
        <source>Error</source>
        <translation>오류</translation>
    </message>
    <message>
        <location filename="../../kokoon_desktop/storage/history_text.py" line="46"/>
        <source>Cancelled</source>
        <translation>취소됨</translation>
    </message>
    <message>
        <location filename="../../kokoon_desktop/storage/history_text.py" line="47"/>
        <source>Unknown</source>
        <translation>알 수 없음</translation>
    </message>
    <message>
        <location filename="../../kokoon_desktop/storage/history_text.py" line="49"/>
        <source>Unknown — check on server</source>
        <translation>알 수 없음 — 서버에서 확인</translation>
    </message>
    <message>
        <location filename="../../kokoon_desktop/storage/history_text.py" line="53"/>
        <source>Submitting…</source>
        <translation>제출하는 중…</translation>
    </message>
    <message>
        <location filename="../../kokoon_desktop/storage/history_text.py" line="54"/>
        <source>Failed</source>
        <translation>실패</translation>
    </message>
    <message>
        <location filename="../../kokoon_desktop/storage/history_text.py" line="55"/>
        <source>Submitted</source>
        <translation>제출됨</translation>
    </message>
</context>
<context>
    <name>HistoryTableModel</name>
    <message>
        <location filename="../../kokoon_desktop/ui/history_model.py" line="70"/>
        <source>When</source>
        <extracomment>The columns&apos; headings in English (translated where shown).</extracomment>
        <translation>일시</translation>
    </message>
    <message>
        <location filename="../../kokoon_desktop/ui/history_model.py" line="71"/>
        <source>Source</source>
        <translation>소스</translation>
    </message>
    <message>
        <location filename="../../kokoon_desktop/ui/history_model.py" line="72"/>
        <source>Type</source>
        <translation>유형</translation>
    </message>
    <message>
        <location filename="../../kokoon_desktop/ui/history_model.py" line="73"/>
        <source>Category</source>
        <translation>카테고리</translation>
    </message>
    <message>
        <location filename="../../kokoon_desktop/ui/history_model.py" line="74"/>
        <source>Range</source>
        <translation>구간</translation>
    </message>
    <message>
        <location filename="../../kokoon_desktop/ui/history_model.py" line="75"/>
        <source>Output</source>
        <translation>출력</translation>
    </message>
    <message>
        <location filename="../../kokoon_desktop/ui/history_model.py" line="76"/>
        <source>State</source>
        <translation>상태</translation>
    </message>
    <message>
        <location filename="../../kokoon_desktop/ui/history_model.py" line="77"/>
        <source>Progress</source>
        <translation>진행률</translation>
    </message>
    <message>
        <location filename="../../kokoon_desktop/ui/history_model.py" line="78"/>
        <source>Result</source>
        <translation>결과</translation>
    </message>
    <message>
        <location filename="../../kokoon_desktop/ui/history_model.py" line="79"/>
        <source>Task ID</source>
        <translation>작업 ID</translation>
    </message>
    <message>
        <location filename="../../kokoon_desktop/ui/history_model.py" line="80"/>
        <source>Output video</source>
        <translation>출력 영상</translation>
    </message>
    <message>
        <location filename="../../kokoon_desktop/ui/history_model.py" line="128"/>
        <source>Whole file</source>
        <extracomment>The entry behind a row, for views and actions. Progress as a fraction 0..1, or None for an indeterminate or finished state. Entries are read from the store this many rows at a time (a screen is 20 to 50). At most this many entries are kept; the ones read longest ago are dropped first. A search first looks at this many of the top rows, one by one... ...and when they hold at least this many found rows (more than a screen), shows them while the index lists the rest on a worker thread.</extracomment>
        <translation>파일 전체</translation>
    </message>
    <message>
        <location filename="../../kokoon_desktop/ui/history_model.py" line="129"/>
        <source>{start} – end</source>
        <translation>{start} – 끝</translation>
    </message>
    <message>
        <location filename="../../kokoon_desktop/ui/history_model.py" line="195"/>
        <source>Downloaded</source>
        <extracomment>A result not downloaded that expires sooner than this is highlighted. The highlight of such rows: a translucent amber that reads on light and dark palettes.</extracomment>
        <translation>다운로드함</translation>
    </message>
    <message>
        <location filename="../../kokoon_desktop/ui/history_model.py" line="197"/>
        <source>Missing (moved or deleted)</source>
        <translation>없음(이동 또는 삭제됨)</translation>
    </message>
    <message>
        <location filename="../../kokoon_desktop/ui/history_model.py" line="202"/>
        <source>Waiting to download</source>
        <translation>다운로드 대기 중</translation>
    </message>
    <message>
        <location filename="../../kokoon_desktop/ui/history_model.py" line="204"/>
        <source>Downloading…</source>
        <translation>다운로드하는 중…</translation>
    </message>
    <message>
        <location filename="../../kokoon_desktop/ui/history_model.py" line="208"/>
        <source>Downloading</source>
        <translation>다운로드하는 중</translation>
    </message>
    <message>
        <location filename="../../kokoon_desktop/ui/history_model.py" line="210"/>
        <source>Downloading {percent}</source>
        <translation>다운로드하는 중 {percent}</translation>
    </message>
    <message>
        <location filename="../../kokoon_desktop/ui/history_model.py" line="215"/>
        <source>{progress} · {speed}/s</source>
        <translation>{progress} · {speed}/s</translation>
    </message>
    <message>
        <location filename="../../kokoon_desktop/ui/history_model.py" line="220"/>
        <source>Download failed — Retry</source>
        <translation>다운로드 실패 — 다시 시도</translation>
    </message>
    <message>
        <location filename="../../kokoon_desktop/ui/history_model.py" line="224"/>
        <source>Expired</source>
        <translation>만료됨</translation>
    </message>
    <message>
        <location filename="../../kokoon_desktop/ui/history_model.py" line="226"/>
        <source>Not downloaded · expires in {left}</source>
        <translation>다운로드 안 함 · {left} 후 만료</translation>
    </message>
    <message>
        <location filename="../../kokoon_desktop/ui/history_model.py" line="229"/>
        <source>Not downloaded</source>
        <translation>다운로드 안 함</translation>
    </message>
    <message>
        <location filename="../../kokoon_desktop/ui/history_model.py" line="247"/>
        <source>{name} · from the account</source>
        <translation>{name} · 계정에서 가져옴</translation>
    </message>
    <message>
        <location filename="../../kokoon_desktop/core/labels.py" line="29"/>
        <source>Preview</source>
        <translation>미리보기</translation>
    </message>
    <message>
        <location filename="../../kokoon_desktop/core/labels.py" line="28"/>
        <source>Full</source>
        <extracomment>The history&apos;s Type column (context &quot;HistoryTableModel&quot;); a row&apos;s text holds the value.</extracomment>
        <translation>전체</translation>
    </message>
    <message>
        <location filename="../../kokoon_desktop/ui/history_model.py" line="660"/>
        <source>The result expires on the service {date}.</source>
        <extracomment>What each column sorts by.</extracomment>
        <translation>서비스의 결과는 {date}에 만료됩니다.</translation>
    </message>
    <message>
        <location filename="../../kokoon_desktop/ui/history_model.py" line="667"/>
        <source>Video {vid}</source>
        <translation>영상 {vid}</translation>
    </message>
</context>
<context>
    <name>Ids</name>
    <message>
        <location filename="../../kokoon_desktop/core/ids.py" line="52"/>
        <source>No video ID given: IDs look like {example}</source>
        <translation>영상 ID가 없습니다. ID는 {example} 형식입니다</translation>
    </message>
    <message>
        <location filename="../../kokoon_desktop/core/ids.py" line="55"/>
        <source>{value} is not a video ID: IDs look like {example}</source>
        <translation>{value}은(는) 영상 ID가 아닙니다. ID는 {example} 형식입니다</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../kokoon_desktop/ui/main_window.py" line="78"/>
        <source>Connecting to the service…</source>
        <extracomment>Said on Submit and the other actions that need the service until the session is open.</extracomment>
        <translation>서비스에 연결하는 중…</translation>
    </message>
    <message>
        <location filename="../../kokoon_desktop/ui/main_window.py" line="299"/>
        <source>History and queue</source>
        <extracomment>How much more than one column needs the form&apos;s height must be to go back to one. The narrowest the timeline area gets beside a form in two columns. The window&apos;s size on a screen with room for it; smaller screens get what they have.</extracomment>
        <translation>기록 및 대기열</translation>
    </message>
    <message>
        <location filename="../../kokoon_desktop/ui/main_window.py" line="300"/>
        <source>History</source>
        <translation>기록</translation>
    </message>
    <message>
        <location filename="../../kokoon_desktop/ui/main_window.py" line="301"/>
        <source>Queue</source>
        <translation>대기열</translation>
    </message>
    <message>
        <location filename="../../kokoon_desktop/ui/main_window.py" line="326"/>
        <source>Main</source>
        <translation>기본</translation>
    </message>
    <message>
        <location filename="../../kokoon_desktop/ui/main_window.py" line="333"/>
        <source>Upload video…</source>
        <translation>영상 업로드…</translation>
    </message>
    <message>
        <location filename="../../kokoon_desktop/ui/main_window.py" line="336"/>
        <source>Upload a local video as a new original (or drop it here)</source>
        <translation>로컬 영상을 새 원본으로 업로드합니다(여기에 끌어다 놓아도 됩니다)</translation>
    </message>
    <message>
        <location filename="../../kokoon_desktop/ui/main_window.py" line="339"/>
        <source>Refresh</source>
        <translation>새로 고침</translation>
    </message>
    <message>
        <location filename="../../kokoon_desktop/ui/main_window.py" line="342"/>
        <source>Read the account&apos;s tasks, the credit and the files again</source>
        <translation>계정의 작업, 크레딧, 파일을 다시 읽습니다</translation>
    </message>
    <message>
        <location filename="../../kokoon_desktop/ui/main_window.py" line="347"/>
        <source>Download the selected rows&apos; results (Ctrl+D)</source>
        <translation>선택한 행의 결과를 내려받습니다(Ctrl+D)</translation>
    </message>
    <message>
        <location filename="../../kokoon_desktop/ui/main_window.py" line="349"/>
        <source>Settings…</source>
        <translation>설정…</translation>
    </message>
    <message>
        <location filename="../../kokoon_desktop/ui/main_window.py" line="352"/>
        <source>Shortcuts</source>
        <translation>단축키</translation>
    </message>
    <message>
        <location filename="../../kokoon_desktop/ui/main_window.py" line="354"/>
        <source>The timeline&apos;s keyboard shortcuts (F1)</source>
        <translation>타임라인 단축키(F1)</translation>
    </message>
    <message>
        <location filename="../../kokoon_desktop/ui/main_window.py" line="357"/>
        <source>Quit</source>
        <translation>종료</translation>
    </message>
    <message>
        <location filename="../../kokoon_desktop/ui/main_window.py" line="372"/>
        <source>Service</source>
        <extracomment>The toolbar&apos;s actions with the name of their icon (resources/icons/actions).</extracomment>
        <translation>서비스</translation>
    </message>
    <message>
        <location filename="../../kokoon_desktop/ui/main_window.py" line="374"/>
        <source>Sign in…</source>
        <translation>로그인…</translation>
    </message>
    <message>
        <location filename="../../kokoon_desktop/ui/main_window.py" line="377"/>
        <source>Sign in with an API token</source>
        <translation>API 토큰으로 로그인</translation>
    </message>
    <message>
        <location filename="../../kokoon_desktop/ui/main_window.py" line="389"/>
        <source>About Kokoon Desktop</source>
        <translation>Kokoon Desktop 정보</translation>
    </message>
    <message>
        <location filename="../../kokoon_desktop/ui/main_window.py" line="393"/>
        <source>&amp;File</source>
        <translation>파일(&amp;F)</translation>
    </message>
    <message>
        <location filename="../../kokoon_desktop/ui/main_window.py" line="398"/>
        <source>&amp;Edit</source>
        <translation>편집(&amp;E)</translation>
    </message>
    <message>
        <location filename="../../kokoon_desktop/ui/main_window.py" line="400"/>
        <source>&amp;View</source>
        <translation>보기(&amp;V)</translation>
    </message>
    <message>
        <location filename="../../kokoon_desktop/ui/main_window.py" line="403"/>
        <source>&amp;Help</source>
        <translation>도움말(&amp;H)</translation>
    </message>
    <message>
        <location filename="../../kokoon_desktop/ui/main_window.py" line="422"/>
        <source>Credit: …</source>
        <translation>크레딧: …</translation>
    </message>
    <message>
        <location filename="../../kokoon_desktop/ui/main_window.py" line="424"/>
        <source>Credit left</source>
        <translation>남은 크레딧</translation>
    </message>
    <message>
        <location filename="../../kokoon_desktop/ui/main_window.py" line="429"/>
        <source>Upload progress</source>
        <translation>업로드 진행률</translation>
    </message>
    <message>
        <location filename="../../kokoon_desktop/ui/main_window.py" line="432"/>
        <source>Cancel upload</source>
        <translation>업로드 취소</translation>
    </message>
    <message>
        <location filename="../../kokoon_desktop/ui/main_window.py" line="434"/>
        <source>Cancel the upload</source>
        <translation>업로드를 취소합니다</translation>
    </message>
    <message>
        <location filename="../../kokoon_desktop/ui/main_window.py" line="472"/>
        <source>Demo mode: the built-in simulator answers; nothing is sent to the real service and nothing is charged.</source>
        <translation>데모 모드: 내장 시뮬레이터가 응답합니다. 실제 서비스로는 아무것도 보내지 않으며 요금도 청구되지 않습니다.</translation>
    </message>
    <message>
        <location filename="../../kokoon_desktop/ui/main_window.py" line="476"/>
        <source>Connected to {url}</source>
        <translation>{url}에 연결됨</translation>
    </message>
    <message>
        <location filename="../../kokoon_desktop/ui/main_window.py" line="483"/>
        <source>Simulator</source>
        <translation>시뮬레이터</translation>
    </message>
    <message>
        <location filename="../../kokoon_desktop/ui/main_window.py" line="488"/>
        <source>Demo — Kokoon Desktop</source>
        <translation>데모 — Kokoon Desktop</translation>
    </message>
    <message>
        <location filename="../../kokoon_desktop/ui/main_window.py" line="493"/>
        <source>Why?</source>
        <translation>이유</translation>
    </message>
    <message>
        <location filename="../../kokoon_desktop/ui/main_window.py" line="585"/>
        <source>Some settings could not be used and are back to their defaults.</source>
        <translation>일부 설정을 사용할 수 없어 기본값으로 되돌렸습니다.</translation>
    </message>
</context>
<context>
    <name>Message</name>
    <message>
        <location filename="../../kokoon_desktop/ui/messages.py" line="115"/>
        <source>info</source>
        <extracomment>How long an info message stays on screen when nobody touches it. How many past messages the centre keeps for a later look. The words on the button that shows the details (&quot;Why?&quot; for a reason); None: &quot;Details&quot;.</extracomment>
        <translation>정보</translation>
    </message>
    <message>
        <location filename="../../kokoon_desktop/ui/messages.py" line="116"/>
        <source>warning</source>
        <translation>경고</translation>
    </message>
    <message>
        <location filename="../../kokoon_desktop/ui/messages.py" line="117"/>
        <source>error</source>
        <translation>오류</translation>
    </message>
    <message>
        <location filename="../../kokoon_desktop/ui/messages.py" line="119"/>
        <source>{level}: {text}</source>
        <translation>{level}: {text}</translation>
    </message>
</context>
<context>
    <name>Notice</name>
    <message>
        <location filename="../../kokoon_desktop/ui/messages.py" line="305"/>
        <location filename="../../kokoon_desktop/ui/messages.py" line="306"/>
        <source>Why?</source>
        <translation>이유</translation>
    </message>
</context>
<context>
    <name>NotificationBar</name>
    <message>
        <location filename="../../kokoon_desktop/ui/messages.py" line="161"/>
        <source>Notification</source>
        <translation>알림</translation>
    </message>
    <message>
        <location filename="../../kokoon_desktop/ui/messages.py" line="172"/>
        <source>Message</source>
        <translation>메시지</translation>
    </message>
    <message>
        <location filename="../../kokoon_desktop/ui/messages.py" line="179"/>
        <location filename="../../kokoon_desktop/ui/messages.py" line="260"/>
        <source>Show details</source>
        <translation>자세히 보기</translation>
    </message>
    <message>
        <location filename="../../kokoon_desktop/ui/messages.py" line="180"/>
        <location filename="../../kokoon_desktop/ui/messages.py" line="238"/>
        <source>Details</source>
        <translation>자세히</translation>
    </message>
    <message>
        <location filename="../../kokoon_desktop/ui/messages.py" line="187"/>
        <source>Dismiss message</source>
        <translation>메시지 닫기</translation>
    </message>
    <message>
        <location filename="../../kokoon_desktop/ui/messages.py" line="188"/>
        <source>Dismiss</source>
        <translation>닫기</translation>
    </message>
    <message>
        <location filename="../../kokoon_desktop/ui/messages.py" line="194"/>
        <source>Message details</source>
        <translation>메시지 세부 정보</translation>
    </message>
    <message>
        <location filename="../../kokoon_desktop/ui/messages.py" line="260"/>
        <source>Hide details</source>
        <translation>자세히 숨기기</translation>
    </message>
</context>
<context>
    <name>OpeningFlow</name>
    <message>
        <location filename="../../kokoon_desktop/ui/flows/opening.py" line="47"/>
        <source>“{name}” cannot be opened: it is a folder.</source>
        <translation>“{name}”은(는) 폴더라서 열 수 없습니다.</translation>
    </message>
    <message>
        <location filename="../../kokoon_desktop/ui/flows/opening.py" line="49"/>
        <source>“{name}” cannot be opened: there is no such file.</source>
        <translation>“{name}”을(를) 열 수 없습니다. 그런 파일이 없습니다.</translation>
    </message>
    <message>
        <location filename="../../kokoon_desktop/ui/flows/opening.py" line="57"/>
        <source>Opened “{name}”. The window works on one source at a time: 1 other file was not opened ({others}).</source>
        <translation>“{name}”을(를) 열었습니다. 창에서는 한 번에 하나의 소스만 다룰 수 있어, 다른 파일 1개는 열지 않았습니다({others}).</translation>
    </message>
    <message>
        <location filename="../../kokoon_desktop/ui/flows/opening.py" line="62"/>
        <source>Opened “{name}”. The window works on one source at a time: {count} other files were not opened ({others}).</source>
        <translation>“{name}”을(를) 열었습니다. 창에서는 한 번에 하나의 소스만 다룰 수 있어, 다른 파일 {count}개는 열지 않았습니다({others}).</translation>
    </message>
</context>
<context>
    <name>OutputNaming</name>
    <message>
        <location filename="../../kokoon_desktop/core/output_naming.py" line="175"/>
        <source>A naming template is text, such as {template}.</source>
        <extracomment>Longest name in UTF-8 bytes: file systems allow 255, and a &quot;.part&quot; or a &quot; (12)&quot; must fit. Longest extension kept (in UTF-8 bytes, without the dot); real containers are 3 or 4. What a name falls back to when nothing usable is left of it. Characters Windows refuses in names; &quot;/&quot; and &quot;\&quot; are also the separators of the others. Device names Windows reserves, with or without an extension, in any case. (literal text, field name or None): one piece of a parsed template. Numbers beyond this many bits have more digits than a name can hold. A typical result, for the examples shown to people: &quot;clip_person_3840x2160.mp4&quot;.</extracomment>
        <translation>이름 템플릿은 {template} 같은 텍스트여야 합니다.</translation>
    </message>
    <message>
        <location filename="../../kokoon_desktop/core/output_naming.py" line="183"/>
        <source>The braces do not match: write each field as {{name}}, and &quot;{{{{&quot; or &quot;}}}}&quot; for a brace itself. Fields: {fields}.</source>
        <translation>중괄호가 맞지 않습니다. 각 필드는 {{name}}처럼 쓰고, 중괄호 자체는 &quot;{{{{&quot; 또는 &quot;}}}}&quot;로 쓰세요. 필드: {fields}.</translation>
    </message>
    <message>
        <location filename="../../kokoon_desktop/core/output_naming.py" line="193"/>
        <source>A name cannot hold &quot;/&quot; or &quot;\&quot;: choose the folder in Settings, not in the template.</source>
        <translation>이름에는 &quot;/&quot;나 &quot;\&quot;를 쓸 수 없습니다. 폴더는 템플릿이 아니라 설정에서 고르세요.</translation>
    </message>
    <message>
        <location filename="../../kokoon_desktop/core/output_naming.py" line="203"/>
        <source>{field} is not a field: use {fields}.</source>
        <translation>{field}은(는) 필드가 아닙니다. {fields} 중에서 사용하세요.</translation>
    </message>
    <message>
        <location filename="../../kokoon_desktop/core/output_naming.py" line="209"/>
        <source>Write {field} without a format or conversion (no &apos;:&apos; or &apos;!&apos; inside the braces).</source>
        <translation>{field}은(는) 서식이나 변환 없이 쓰세요(중괄호 안에 &apos;:&apos;나 &apos;!&apos;를 넣지 마세요).</translation>
    </message>
    <message>
        <location filename="../../kokoon_desktop/core/output_naming.py" line="220"/>
        <source>The template gives no name: use fields such as {fields}.</source>
        <translation>템플릿으로 이름이 만들어지지 않습니다. {fields} 같은 필드를 사용하세요.</translation>
    </message>
</context>
<context>
    <name>OutputPlace</name>
    <message>
        <location filename="../../kokoon_desktop/services/output_place.py" line="33"/>
        <source>choose another in Settings</source>
        <translation>설정에서 다른 폴더를 선택하세요</translation>
    </message>
    <message>
        <location filename="../../kokoon_desktop/services/output_place.py" line="65"/>
        <source>The output folder {folder} could not be created: {reason}.</source>
        <translation>출력 폴더 {folder}을(를) 만들지 못했습니다: {reason}.</translation>
    </message>
    <message>
        <location filename="../../kokoon_desktop/services/output_place.py" line="69"/>
        <source>The output folder {folder} does not exist.</source>
        <translation>출력 폴더 {folder}이(가) 없습니다.</translation>
    </message>
    <message>
        <location filename="../../kokoon_desktop/services/output_place.py" line="73"/>
        <source>{folder} is not a folder.</source>
        <translation>{folder}은(는) 폴더가 아닙니다.</translation>
    </message>
    <message>
        <location filename="../../kokoon_desktop/services/output_place.py" line="82"/>
        <source>The output folder {folder} is read-only: {advice}.</source>
        <translation>출력 폴더 {folder}은(는) 읽기 전용입니다. {advice}.</translation>
    </message>
    <message>
        <location filename="../../kokoon_desktop/services/output_place.py" line="85"/>
        <source>Files cannot be written in the output folder {folder}: {reason}.</source>
        <translation>출력 폴더 {folder}에 파일을 쓸 수 없습니다: {reason}.</translation>
    </message>
</context>
<context>
    <name>PresetsDialog</name>
    <message>
        <location filename="../../kokoon_desktop/ui/presets_dialog.py" line="39"/>
        <source>Preview</source>
        <translation>미리보기</translation>
    </message>
    <message>
        <location filename="../../kokoon_desktop/ui/presets_dialog.py" line="41"/>
        <source>Full task</source>
        <translation>전체 작업</translation>
    </message>
    <message>
        <location filename="../../kokoon_desktop/ui/presets_dialog.py" line="44"/>
        <source>on</source>
        <translation>켬</translation>
    </message>
    <message>
        <location filename="../../kokoon_desktop/ui/presets_dialog.py" line="46"/>
        <source>off</source>
        <translation>끔</translation>
    </message>
    <message>
        <location filename="../../kokoon_desktop/ui/presets_dialog.py" line="52"/>
        <source>Task: {kind}</source>
        <translation>작업: {kind}</translation>
    </message>
    <message>
        <location filename="../../kokoon_desktop/ui/presets_dialog.py" line="53"/>
        <source>Category: {category} · input quality {quality}</source>
        <translation>카테고리: {category} · 입력 품질 {quality}</translation>
    </message>
    <message>
        <location filename="../../kokoon_desktop/ui/presets_dialog.py" line="59"/>
        <source>Super-resolution: {on}</source>
        <translation>초해상도: {on}</translation>
    </message>
    <message>
        <location filename="../../kokoon_desktop/ui/presets_dialog.py" line="60"/>
        <source>AI options: {options}</source>
        <translation>AI 옵션: {options}</translation>
    </message>
    <message>
        <location filename="../../kokoon_desktop/ui/presets_dialog.py" line="61"/>
        <source>none</source>
        <translation>없음</translation>
    </message>
    <message>
        <location filename="../../kokoon_desktop/ui/presets_dialog.py" line="63"/>
        <source>Size: {size} · {codec} {container}</source>
        <translation>크기: {size} · {codec} {container}</translation>
    </message>
    <message>
        <location filename="../../kokoon_desktop/ui/presets_dialog.py" line="80"/>
        <location filename="../../kokoon_desktop/ui/presets_dialog.py" line="83"/>
        <source>Presets</source>
        <translation>프리셋</translation>
    </message>
    <message>
        <location filename="../../kokoon_desktop/ui/presets_dialog.py" line="91"/>
        <source>Preset name</source>
        <translation>프리셋 이름</translation>
    </message>
    <message>
        <location filename="../../kokoon_desktop/ui/presets_dialog.py" line="92"/>
        <source>Name</source>
        <translation>이름</translation>
    </message>
    <message>
        <location filename="../../kokoon_desktop/ui/presets_dialog.py" line="102"/>
        <source>Save form as preset</source>
        <translation>양식을 프리셋으로 저장</translation>
    </message>
    <message>
        <location filename="../../kokoon_desktop/ui/presets_dialog.py" line="103"/>
        <source>A new preset with the form&apos;s treatment and output, named as typed</source>
        <translation>양식의 처리 및 출력 설정으로 입력한 이름의 새 프리셋을 만듭니다</translation>
    </message>
    <message>
        <location filename="../../kokoon_desktop/ui/presets_dialog.py" line="105"/>
        <source>Rename</source>
        <translation>이름 바꾸기</translation>
    </message>
    <message>
        <location filename="../../kokoon_desktop/ui/presets_dialog.py" line="106"/>
        <source>Give the selected preset the name typed</source>
        <translation>선택한 프리셋의 이름을 입력한 이름으로 바꿉니다</translation>
    </message>
    <message>
        <location filename="../../kokoon_desktop/ui/presets_dialog.py" line="108"/>
        <source>Update from form</source>
        <translation>양식으로 갱신</translation>
    </message>
    <message>
        <location filename="../../kokoon_desktop/ui/presets_dialog.py" line="109"/>
        <source>Give the selected preset the form&apos;s treatment and output</source>
        <translation>선택한 프리셋에 양식의 처리 및 출력 설정을 저장합니다</translation>
    </message>
    <message>
        <location filename="../../kokoon_desktop/ui/presets_dialog.py" line="111"/>
        <source>Delete</source>
        <translation>삭제</translation>
    </message>
    <message>
        <location filename="../../kokoon_desktop/ui/presets_dialog.py" line="112"/>
        <source>Delete the selected preset</source>
        <translation>선택한 프리셋을 삭제합니다</translation>
    </message>
    <message>
        <location filename="../../kokoon_desktop/ui/presets_dialog.py" line="114"/>
        <source>Set as default</source>
        <translation>기본값으로 설정</translation>
    </message>
    <message>
        <location filename="../../kokoon_desktop/ui/presets_dialog.py" line="115"/>
        <source>The form starts with the default preset&apos;s settings</source>
        <translation>양식이 기본 프리셋의 설정으로 시작합니다</translation>
    </message>
    <message>
        <location filename="../../kokoon_desktop/ui/presets_dialog.py" line="117"/>
        <source>No default</source>
        <translation>기본값 없음</translation>
    </message>
    <message>
        <location filename="../../kokoon_desktop/ui/presets_dialog.py" line="118"/>
        <source>The form starts with the settings last used</source>
        <translation>양식이 마지막으로 사용한 설정으로 시작합니다</translation>
    </message>
    <message>
        <location filename="../../kokoon_desktop/ui/presets_dialog.py" line="120"/>
        <source>Apply to form</source>
        <translation>양식에 적용</translation>
    </message>
    <message>
        <location filename="../../kokoon_desktop/ui/presets_dialog.py" line="121"/>
        <source>Set the form&apos;s treatment and output to the selected preset&apos;s</source>
        <translation>양식의 처리 및 출력 설정을 선택한 프리셋의 설정으로 바꿉니다</translation>
    </message>
    <message>
        <location filename="../../kokoon_desktop/ui/presets_dialog.py" line="123"/>
        <source>Import…</source>
        <translation>가져오기…</translation>
    </message>
    <message>
        <location filename="../../kokoon_desktop/ui/presets_dialog.py" line="124"/>
        <source>Add the presets of a presets file (a name already taken gets a number)</source>
        <translation>프리셋 파일의 프리셋을 추가합니다(이미 있는 이름에는 번호가 붙습니다)</translation>
    </message>
    <message>
        <location filename="../../kokoon_desktop/ui/presets_dialog.py" line="126"/>
        <source>Export…</source>
        <translation>내보내기…</translation>
    </message>
    <message>
        <location filename="../../kokoon_desktop/ui/presets_dialog.py" line="127"/>
        <source>Write every preset to a presets file to share</source>
        <translation>공유할 수 있도록 모든 프리셋을 프리셋 파일에 씁니다</translation>
    </message>
    <message>
        <location filename="../../kokoon_desktop/ui/presets_dialog.py" line="129"/>
        <source>Restore built-ins</source>
        <translation>기본 제공 프리셋 복원</translation>
    </message>
    <message>
        <location filename="../../kokoon_desktop/ui/presets_dialog.py" line="130"/>
        <source>Add back the built-in starting points that were deleted or renamed</source>
        <translation>삭제했거나 이름을 바꾼 기본 제공 프리셋을 다시 추가합니다</translation>
    </message>
    <message>
        <location filename="../../kokoon_desktop/ui/presets_dialog.py" line="173"/>
        <source>{name} (default)</source>
        <translation>{name} (기본값)</translation>
    </message>
</context>
<context>
    <name>PresetsFlow</name>
    <message>
        <location filename="../../kokoon_desktop/ui/flows/presets.py" line="44"/>
        <source>Some presets could not be read.</source>
        <extracomment>Form changes within this time are kept as the settings last used once.</extracomment>
        <translation>일부 프리셋을 읽을 수 없습니다.</translation>
    </message>
    <message>
        <location filename="../../kokoon_desktop/ui/flows/presets.py" line="48"/>
        <source>Presets…</source>
        <translation>프리셋…</translation>
    </message>
    <message>
        <location filename="../../kokoon_desktop/ui/flows/presets.py" line="50"/>
        <source>Named treatment and output settings</source>
        <translation>이름을 붙인 처리 및 출력 설정</translation>
    </message>
    <message>
        <location filename="../../kokoon_desktop/ui/flows/presets.py" line="165"/>
        <source>The presets could not be saved: {reason}</source>
        <translation>프리셋을 저장할 수 없습니다: {reason}</translation>
    </message>
    <message>
        <location filename="../../kokoon_desktop/ui/flows/presets.py" line="175"/>
        <source>The form&apos;s output size is not valid: fix it first.</source>
        <translation>양식의 출력 크기가 올바르지 않습니다. 먼저 고치세요.</translation>
    </message>
    <message>
        <location filename="../../kokoon_desktop/ui/flows/presets.py" line="185"/>
        <source>The form has the settings of {name}.</source>
        <translation>양식에 {name}의 설정을 적용했습니다.</translation>
    </message>
    <message>
        <location filename="../../kokoon_desktop/ui/flows/presets.py" line="229"/>
        <source>Import presets</source>
        <translation>프리셋 가져오기</translation>
    </message>
    <message>
        <location filename="../../kokoon_desktop/ui/flows/presets.py" line="229"/>
        <location filename="../../kokoon_desktop/ui/flows/presets.py" line="236"/>
        <source>Presets (*.json)</source>
        <translation>프리셋 (*.json)</translation>
    </message>
    <message>
        <location filename="../../kokoon_desktop/ui/flows/presets.py" line="236"/>
        <source>Export presets</source>
        <translation>프리셋 내보내기</translation>
    </message>
    <message>
        <location filename="../../kokoon_desktop/ui/flows/presets.py" line="246"/>
        <source>Nothing was imported: {reason}</source>
        <translation>아무것도 가져오지 않았습니다: {reason}</translation>
    </message>
    <message>
        <location filename="../../kokoon_desktop/ui/flows/presets.py" line="250"/>
        <source>Nothing was imported: {path} cannot be read ({reason}).</source>
        <translation>아무것도 가져오지 않았습니다: {path}을(를) 읽을 수 없습니다({reason}).</translation>
    </message>
    <message>
        <location filename="../../kokoon_desktop/ui/flows/presets.py" line="259"/>
        <source>Nothing new: the presets of {name} are here already.</source>
        <translation>새로운 것이 없습니다: {name}의 프리셋이 이미 모두 있습니다.</translation>
    </message>
    <message>
        <location filename="../../kokoon_desktop/ui/flows/presets.py" line="261"/>
        <source>1 preset imported from {name}.</source>
        <translation>{name}에서 프리셋 1개를 가져왔습니다.</translation>
    </message>
    <message>
        <location filename="../../kokoon_desktop/ui/flows/presets.py" line="263"/>
        <source>{count} presets imported from {name}.</source>
        <translation>{name}에서 프리셋 {count}개를 가져왔습니다.</translation>
    </message>
    <message>
        <location filename="../../kokoon_desktop/ui/flows/presets.py" line="266"/>
        <source>Renamed as names were taken: {names}.</source>
        <translation>이름이 이미 있어 바꾼 프리셋: {names}.</translation>
    </message>
    <message>
        <location filename="../../kokoon_desktop/ui/flows/presets.py" line="279"/>
        <source>The presets could not be exported: {reason}</source>
        <translation>프리셋을 내보낼 수 없습니다: {reason}</translation>
    </message>
    <message>
        <location filename="../../kokoon_desktop/ui/flows/presets.py" line="283"/>
        <source>{count} presets exported to {path}.</source>
        <translation>프리셋 {count}개를 {path}에 내보냈습니다.</translation>
    </message>
</context>
<context>
    <name>PreviewAssets</name>
    <message>
        <location filename="../../kokoon_desktop/services/preview_assets.py" line="111"/>
        <source>The preview is not done yet (the service says {step}).</source>
        <extracomment>How many previews the cache keeps (the most recently fetched).</extracomment>
        <translation>미리보기가 아직 끝나지 않았습니다(서비스 상태: {step}).</translation>
    </message>
    <message>
        <location filename="../../kokoon_desktop/services/preview_assets.py" line="117"/>
        <source>The service names no preview pictures for this task (they may have expired).</source>
        <translation>서비스가 이 작업의 미리보기 영상을 알려 주지 않습니다(만료되었을 수 있습니다).</translation>
    </message>
    <message>
        <location filename="../../kokoon_desktop/services/preview_assets.py" line="134"/>
        <source>The preview&apos;s pictures are no longer on the service.</source>
        <translation>미리보기 영상이 더 이상 서비스에 없습니다.</translation>
    </message>
    <message>
        <location filename="../../kokoon_desktop/services/preview_assets.py" line="187"/>
        <source>The preview&apos;s pictures cannot be read: {reason}</source>
        <translation>미리보기 영상을 읽을 수 없습니다: {reason}</translation>
    </message>
    <message>
        <location filename="../../kokoon_desktop/services/preview_assets.py" line="194"/>
        <source>The preview could not be saved in the cache: {reason}</source>
        <translation>미리보기를 캐시에 저장하지 못했습니다: {reason}</translation>
    </message>
</context>
<context>
    <name>PreviewFlow</name>
    <message>
        <location filename="../../kokoon_desktop/ui/flows/preview.py" line="94"/>
        <source>No range was marked: previewing one second from the playhead.</source>
        <extracomment>With no range marked, a preview covers this long from the playhead. Previews submitted here whose compare view opens by itself when they are done.</extracomment>
        <translation>구간이 표시되지 않아 재생 헤드부터 1초를 미리 봅니다.</translation>
    </message>
    <message>
        <location filename="../../kokoon_desktop/ui/flows/preview.py" line="109"/>
        <source>Preview submitted: the comparison opens when it is ready.</source>
        <translation>미리보기를 제출했습니다. 준비되면 비교 창이 열립니다.</translation>
    </message>
    <message>
        <location filename="../../kokoon_desktop/ui/flows/preview.py" line="140"/>
        <source>This preview is not done yet.</source>
        <translation>이 미리보기는 아직 끝나지 않았습니다.</translation>
    </message>
    <message>
        <location filename="../../kokoon_desktop/ui/flows/preview.py" line="142"/>
        <source>Fetching the preview…</source>
        <translation>미리보기를 가져오는 중…</translation>
    </message>
    <message>
        <location filename="../../kokoon_desktop/ui/flows/preview.py" line="147"/>
        <source>The preview cannot be shown: {reason}</source>
        <translation>미리보기를 표시할 수 없습니다: {reason}</translation>
    </message>
    <message>
        <location filename="../../kokoon_desktop/ui/flows/preview.py" line="153"/>
        <source>preview of {name}</source>
        <translation>{name} 미리보기</translation>
    </message>
    <message>
        <location filename="../../kokoon_desktop/ui/flows/preview.py" line="165"/>
        <source>The preview of {name} is open in the compare view.</source>
        <translation>{name} 미리보기를 비교 창에서 열었습니다.</translation>
    </message>
    <message>
        <location filename="../../kokoon_desktop/ui/flows/preview.py" line="176"/>
        <source>Download the result first, then compare it.</source>
        <translation>먼저 결과를 다운로드한 다음 비교하세요.</translation>
    </message>
    <message>
        <location filename="../../kokoon_desktop/ui/flows/preview.py" line="181"/>
        <source>The result is no longer at {path}.</source>
        <translation>결과가 더 이상 {path}에 없습니다.</translation>
    </message>
    <message>
        <location filename="../../kokoon_desktop/ui/flows/preview.py" line="187"/>
        <source>The source file is not on this computer (or was moved), so there is nothing to compare the result with.</source>
        <translation>원본 파일이 이 컴퓨터에 없거나 옮겨져서 결과와 비교할 수 없습니다.</translation>
    </message>
    <message>
        <location filename="../../kokoon_desktop/ui/flows/preview.py" line="240"/>
        <source>This preview&apos;s settings cannot be read back; set the task up in the form.</source>
        <translation>이 미리보기의 설정을 다시 읽을 수 없습니다. 양식에서 작업을 설정하세요.</translation>
    </message>
</context>
<context>
    <name>PreviewView</name>
    <message>
        <location filename="../../kokoon_desktop/ui/preview/view.py" line="29"/>
        <source>Frame at the playhead</source>
        <translation>재생 헤드 위치의 프레임</translation>
    </message>
</context>
<context>
    <name>Probe</name>
    <message>
        <location filename="../../kokoon_desktop/media/probe.py" line="68"/>
        <source>“{name}” was not found.</source>
        <extracomment>The frame index, once built (``media.frame_index``): the true count and each frame&apos;s time. The headers&apos; facts above stand until then.</extracomment>
        <translation>“{name}”을(를) 찾을 수 없습니다.</translation>
    </message>
    <message>
        <location filename="../../kokoon_desktop/media/probe.py" line="70"/>
        <source>“{name}” is not a file.</source>
        <translation>“{name}”은(는) 파일이 아닙니다.</translation>
    </message>
    <message>
        <location filename="../../kokoon_desktop/media/probe.py" line="75"/>
        <source>“{name}” is not a video this application can read.</source>
        <translation>“{name}”은(는) 이 애플리케이션이 읽을 수 있는 영상이 아닙니다.</translation>
    </message>
    <message>
        <location filename="../../kokoon_desktop/media/probe.py" line="81"/>
        <source>“{name}” cannot be read: {reason}.</source>
        <translation>“{name}”을(를) 읽을 수 없습니다: {reason}.</translation>
    </message>
    <message>
        <location filename="../../kokoon_desktop/media/probe.py" line="87"/>
        <source>“{name}” has no video in it.</source>
        <translation>“{name}”에는 영상이 없습니다.</translation>
    </message>
    <message>
        <location filename="../../kokoon_desktop/media/probe.py" line="92"/>
        <source>“{name}” is in a video format this application cannot decode, so it cannot be shown or trimmed here. Convert it (to H.264 or ProRes, say) and try again.</source>
        <translation>“{name}”은(는) 이 애플리케이션이 디코딩할 수 없는 영상 형식이라 여기서 표시하거나 자를 수 없습니다. H.264나 ProRes 등으로 변환한 뒤 다시 시도하세요.</translation>
    </message>
    <message>
        <location filename="../../kokoon_desktop/media/probe.py" line="101"/>
        <source>“{name}” does not say its picture size or frame rate.</source>
        <translation>“{name}”에 화면 크기나 프레임 레이트 정보가 없습니다.</translation>
    </message>
    <message>
        <location filename="../../kokoon_desktop/media/probe.py" line="114"/>
        <source>“{name}” does not say how long it is.</source>
        <translation>“{name}”에 길이 정보가 없습니다.</translation>
    </message>
</context>
<context>
    <name>QueueFlow</name>
    <message>
        <location filename="../../kokoon_desktop/ui/flows/queue.py" line="104"/>
        <source>{state} {percent}</source>
        <extracomment>Local files uploaded at once for the queue. Quotes asked at once for the queue&apos;s total. How often the write-ahead logs are copied into their files while a queue is sent. Items worked out between two turns of the event loop. Changes within this time share one refresh of the buttons. Edits within this time share one requote of the total. Items added at once that are selected (of more, only the last). The shortcut that adds the marked In/Out as an item. What a folder dropped or chosen contributes: its video files.</extracomment>
        <translation>{state} {percent}</translation>
    </message>
    <message>
        <location filename="../../kokoon_desktop/ui/flows/queue.py" line="109"/>
        <source>{state} · {result}</source>
        <translation>{state} · {result}</translation>
    </message>
    <message>
        <location filename="../../kokoon_desktop/ui/flows/queue.py" line="145"/>
        <source>The queue cannot be used: {reason}</source>
        <translation>대기열을 사용할 수 없습니다: {reason}</translation>
    </message>
    <message>
        <location filename="../../kokoon_desktop/ui/flows/queue.py" line="268"/>
        <source>The form&apos;s task is not complete yet: finish it to add it to the queue.</source>
        <extracomment>Request key -&gt; the item that sent it, while a queue is sent. Item id -&gt; (the item, its task, its request key, why it has none). The batch being followed: history id -&gt; item id, and how its items ended.</extracomment>
        <translation>양식의 작업이 아직 완성되지 않았습니다. 완성한 뒤 대기열에 추가하세요.</translation>
    </message>
    <message>
        <location filename="../../kokoon_desktop/ui/flows/queue.py" line="273"/>
        <source>Mark In and Out on the timeline (I and O) first, then press Ctrl+B.</source>
        <translation>먼저 타임라인에서 시작점과 끝점(I와 O)을 표시한 뒤 Ctrl+B를 누르세요.</translation>
    </message>
    <message>
        <location filename="../../kokoon_desktop/ui/flows/queue.py" line="314"/>
        <source>Added {range} of {source} to the queue.</source>
        <translation>{source}의 {range} 구간을 대기열에 추가했습니다.</translation>
    </message>
    <message>
        <location filename="../../kokoon_desktop/ui/flows/queue.py" line="363"/>
        <source>{count} rows were not added: their requests are not known (tasks found in the account).</source>
        <translation>{count}개 행은 추가하지 않았습니다: 요청 내용을 알 수 없습니다(계정에서 찾은 작업).</translation>
    </message>
    <message>
        <location filename="../../kokoon_desktop/ui/flows/queue.py" line="373"/>
        <source>Add videos to the queue</source>
        <translation>대기열에 동영상 추가</translation>
    </message>
    <message>
        <location filename="../../kokoon_desktop/ui/flows/queue.py" line="386"/>
        <source>There is no video file there to add.</source>
        <translation>추가할 동영상 파일이 없습니다.</translation>
    </message>
    <message>
        <location filename="../../kokoon_desktop/ui/flows/queue.py" line="391"/>
        <source>The form&apos;s output size is not valid: fix it to add files.</source>
        <translation>양식의 출력 크기가 올바르지 않습니다. 고친 뒤 파일을 추가하세요.</translation>
    </message>
    <message>
        <location filename="../../kokoon_desktop/ui/flows/queue.py" line="490"/>
        <source>The upload failed: {reason}</source>
        <translation>업로드에 실패했습니다: {reason}</translation>
    </message>
    <message>
        <location filename="../../kokoon_desktop/ui/flows/queue.py" line="533"/>
        <source>The form holds queue item {number}: change it, then Update item.</source>
        <translation>양식에 대기열 항목 {number}을(를) 불러왔습니다. 바꾼 뒤 &apos;항목 갱신&apos;을 누르세요.</translation>
    </message>
    <message>
        <location filename="../../kokoon_desktop/ui/flows/queue.py" line="602"/>
        <source>Items being sent stay until the service answers.</source>
        <translation>전송 중인 항목은 서비스가 응답할 때까지 남아 있습니다.</translation>
    </message>
    <message>
        <location filename="../../kokoon_desktop/ui/flows/queue.py" line="685"/>
        <source>Submit all ({count})</source>
        <translation>모두 제출 ({count})</translation>
    </message>
    <message>
        <location filename="../../kokoon_desktop/ui/flows/queue.py" line="687"/>
        <source>Submit all</source>
        <translation>모두 제출</translation>
    </message>
    <message>
        <location filename="../../kokoon_desktop/ui/flows/queue.py" line="805"/>
        <source>Nothing to send.</source>
        <translation>보낼 항목이 없습니다.</translation>
    </message>
    <message>
        <location filename="../../kokoon_desktop/ui/flows/queue.py" line="809"/>
        <source>{count} items to send: {cost} credits</source>
        <translation>보낼 항목 {count}개: {cost} 크레딧</translation>
    </message>
    <message>
        <location filename="../../kokoon_desktop/ui/flows/queue.py" line="811"/>
        <source>{count} items to send: {cost} credits · {balance} left</source>
        <translation>보낼 항목 {count}개: {cost} 크레딧 · {balance} 남음</translation>
    </message>
    <message>
        <location filename="../../kokoon_desktop/ui/flows/queue.py" line="815"/>
        <source> · {count} not quoted (previews, files not uploaded)</source>
        <translation> · {count}개는 견적 없음(미리보기, 업로드되지 않은 파일)</translation>
    </message>
    <message>
        <location filename="../../kokoon_desktop/ui/flows/queue.py" line="819"/>
        <source>&lt;b&gt;Not enough credit.&lt;/b&gt; {total}</source>
        <translation>&lt;b&gt;크레딧이 부족합니다.&lt;/b&gt; {total}</translation>
    </message>
    <message>
        <location filename="../../kokoon_desktop/ui/flows/queue.py" line="840"/>
        <source>Not enough credit</source>
        <translation>크레딧 부족</translation>
    </message>
    <message>
        <location filename="../../kokoon_desktop/ui/flows/queue.py" line="842"/>
        <source>The queue needs {cost} credits and {balance} are left.</source>
        <translation>대기열에 {cost} 크레딧이 필요하지만 {balance} 크레딧이 남아 있습니다.</translation>
    </message>
    <message>
        <location filename="../../kokoon_desktop/ui/flows/queue.py" line="847"/>
        <source>The service will refuse the items it cannot cover. Submit all anyway?</source>
        <translation>서비스가 크레딧으로 감당할 수 없는 항목을 거부합니다. 그래도 모두 제출할까요?</translation>
    </message>
    <message>
        <location filename="../../kokoon_desktop/ui/flows/queue.py" line="901"/>
        <source>Could not check: {reason}</source>
        <translation>확인할 수 없습니다: {reason}</translation>
    </message>
    <message>
        <location filename="../../kokoon_desktop/ui/flows/queue.py" line="908"/>
        <source>Its history row was removed: look for the task on the server.</source>
        <translation>기록에서 해당 행이 삭제되었습니다. 서버에서 작업을 찾아보세요.</translation>
    </message>
    <message>
        <location filename="../../kokoon_desktop/ui/flows/queue.py" line="997"/>
        <source>The same task as item {number}, already sent: not sent twice. Change its settings or range to send it.</source>
        <translation>이미 보낸 항목 {number}과(와) 같은 작업이라 두 번 보내지 않았습니다. 보내려면 설정이나 구간을 바꾸세요.</translation>
    </message>
    <message>
        <location filename="../../kokoon_desktop/ui/flows/queue.py" line="1023"/>
        <source>An identical task is being sent right now: this one was not sent.</source>
        <translation>똑같은 작업을 지금 보내는 중이라 이 항목은 보내지 않았습니다.</translation>
    </message>
    <message>
        <location filename="../../kokoon_desktop/ui/flows/queue.py" line="1074"/>
        <source>Batch finished: {done} done, {failed} failed.</source>
        <translation>일괄 작업 완료: {done}개 완료, {failed}개 실패.</translation>
    </message>
</context>
<context>
    <name>QueuePane</name>
    <message>
        <location filename="../../kokoon_desktop/ui/queue_pane.py" line="52"/>
        <source>#</source>
        <translation>#</translation>
    </message>
    <message>
        <location filename="../../kokoon_desktop/ui/queue_pane.py" line="53"/>
        <source>Source</source>
        <translation>소스</translation>
    </message>
    <message>
        <location filename="../../kokoon_desktop/ui/queue_pane.py" line="54"/>
        <source>Range</source>
        <translation>구간</translation>
    </message>
    <message>
        <location filename="../../kokoon_desktop/ui/queue_pane.py" line="55"/>
        <source>Settings</source>
        <translation>설정</translation>
    </message>
    <message>
        <location filename="../../kokoon_desktop/ui/queue_pane.py" line="56"/>
        <source>Cost</source>
        <translation>비용</translation>
    </message>
    <message>
        <location filename="../../kokoon_desktop/ui/queue_pane.py" line="57"/>
        <source>State</source>
        <translation>상태</translation>
    </message>
    <message>
        <location filename="../../kokoon_desktop/ui/queue_pane.py" line="62"/>
        <source>Waiting</source>
        <translation>대기 중</translation>
    </message>
    <message>
        <location filename="../../kokoon_desktop/ui/queue_pane.py" line="63"/>
        <source>Uploading</source>
        <translation>업로드 중</translation>
    </message>
    <message>
        <location filename="../../kokoon_desktop/ui/queue_pane.py" line="64"/>
        <source>Sending</source>
        <translation>전송 중</translation>
    </message>
    <message>
        <location filename="../../kokoon_desktop/ui/queue_pane.py" line="65"/>
        <source>Sent</source>
        <translation>전송됨</translation>
    </message>
    <message>
        <location filename="../../kokoon_desktop/ui/queue_pane.py" line="66"/>
        <source>Unknown: check on server</source>
        <translation>알 수 없음: 서버에서 확인</translation>
    </message>
    <message>
        <location filename="../../kokoon_desktop/ui/queue_pane.py" line="67"/>
        <source>Failed</source>
        <translation>실패</translation>
    </message>
    <message>
        <location filename="../../kokoon_desktop/ui/queue_pane.py" line="79"/>
        <source>Whole file</source>
        <translation>파일 전체</translation>
    </message>
    <message>
        <location filename="../../kokoon_desktop/ui/queue_pane.py" line="102"/>
        <source>Preview</source>
        <translation>미리보기</translation>
    </message>
    <message>
        <location filename="../../kokoon_desktop/ui/queue_pane.py" line="105"/>
        <source>{preset}: {settings}</source>
        <translation>{preset}: {settings}</translation>
    </message>
    <message>
        <location filename="../../kokoon_desktop/ui/queue_pane.py" line="170"/>
        <source>Uploading {percent}%</source>
        <extracomment>Item id -&gt; where its task stands, in words (&quot;Processing 40%&quot;, &quot;Done · Downloaded&quot;).</extracomment>
        <translation>업로드 중 {percent}%</translation>
    </message>
    <message>
        <location filename="../../kokoon_desktop/ui/queue_pane.py" line="174"/>
        <source>Sent · {task}</source>
        <translation>전송됨 · {task}</translation>
    </message>
    <message>
        <location filename="../../kokoon_desktop/ui/queue_pane.py" line="178"/>
        <source>Sent: {tid}</source>
        <translation>전송됨: {tid}</translation>
    </message>
    <message>
        <location filename="../../kokoon_desktop/ui/queue_pane.py" line="182"/>
        <source>{state}: {reason}</source>
        <translation>{state}: {reason}</translation>
    </message>
    <message>
        <location filename="../../kokoon_desktop/ui/queue_pane.py" line="269"/>
        <source>Queue</source>
        <extracomment>Local files or folders dropped on the pane (a list of Paths).</extracomment>
        <translation>대기열</translation>
    </message>
    <message>
        <location filename="../../kokoon_desktop/ui/queue_pane.py" line="287"/>
        <source>Add form</source>
        <translation>양식 추가</translation>
    </message>
    <message>
        <location filename="../../kokoon_desktop/ui/queue_pane.py" line="288"/>
        <source>Add the form&apos;s source, range and settings as an item</source>
        <translation>양식의 소스, 구간, 설정을 항목으로 추가합니다</translation>
    </message>
    <message>
        <location filename="../../kokoon_desktop/ui/queue_pane.py" line="290"/>
        <source>Add In/Out</source>
        <translation>시작/끝 구간 추가</translation>
    </message>
    <message>
        <location filename="../../kokoon_desktop/ui/queue_pane.py" line="291"/>
        <source>Add the marked In/Out range of the source as another item (Ctrl+B)</source>
        <translation>표시한 시작/끝 구간을 같은 소스의 새 항목으로 추가합니다(Ctrl+B)</translation>
    </message>
    <message>
        <location filename="../../kokoon_desktop/ui/queue_pane.py" line="293"/>
        <source>Add files…</source>
        <translation>파일 추가…</translation>
    </message>
    <message>
        <location filename="../../kokoon_desktop/ui/queue_pane.py" line="294"/>
        <source>Add local video files: each is uploaded in the background, two at a time</source>
        <translation>로컬 동영상 파일을 추가합니다. 백그라운드에서 두 개씩 업로드합니다</translation>
    </message>
    <message>
        <location filename="../../kokoon_desktop/ui/queue_pane.py" line="296"/>
        <source>From history</source>
        <translation>기록에서</translation>
    </message>
    <message>
        <location filename="../../kokoon_desktop/ui/queue_pane.py" line="297"/>
        <source>Add the rows selected in the history again, as items</source>
        <translation>기록에서 선택한 행을 다시 항목으로 추가합니다</translation>
    </message>
    <message>
        <location filename="../../kokoon_desktop/ui/queue_pane.py" line="299"/>
        <source>Edit</source>
        <translation>편집</translation>
    </message>
    <message>
        <location filename="../../kokoon_desktop/ui/queue_pane.py" line="300"/>
        <source>Open the item in the form; Update item keeps the changes</source>
        <translation>항목을 양식에 엽니다. &apos;항목 갱신&apos;을 누르면 변경 내용이 저장됩니다</translation>
    </message>
    <message>
        <location filename="../../kokoon_desktop/ui/queue_pane.py" line="302"/>
        <source>Update item</source>
        <translation>항목 갱신</translation>
    </message>
    <message>
        <location filename="../../kokoon_desktop/ui/queue_pane.py" line="303"/>
        <source>Give the item being edited the form&apos;s source, range and settings</source>
        <translation>편집 중인 항목에 양식의 소스, 구간, 설정을 저장합니다</translation>
    </message>
    <message>
        <location filename="../../kokoon_desktop/ui/queue_pane.py" line="305"/>
        <source>Up</source>
        <translation>위로</translation>
    </message>
    <message>
        <location filename="../../kokoon_desktop/ui/queue_pane.py" line="305"/>
        <source>Move up</source>
        <translation>위로 이동</translation>
    </message>
    <message>
        <location filename="../../kokoon_desktop/ui/queue_pane.py" line="306"/>
        <source>Down</source>
        <translation>아래로</translation>
    </message>
    <message>
        <location filename="../../kokoon_desktop/ui/queue_pane.py" line="306"/>
        <source>Move down</source>
        <translation>아래로 이동</translation>
    </message>
    <message>
        <location filename="../../kokoon_desktop/ui/queue_pane.py" line="307"/>
        <source>Duplicate</source>
        <translation>복제</translation>
    </message>
    <message>
        <location filename="../../kokoon_desktop/ui/queue_pane.py" line="308"/>
        <source>Add a copy of each selected item</source>
        <translation>선택한 항목마다 사본을 추가합니다</translation>
    </message>
    <message>
        <location filename="../../kokoon_desktop/ui/queue_pane.py" line="310"/>
        <source>Remove</source>
        <translation>제거</translation>
    </message>
    <message>
        <location filename="../../kokoon_desktop/ui/queue_pane.py" line="311"/>
        <source>Remove the selected items (an upload under way is cancelled)</source>
        <translation>선택한 항목을 제거합니다(진행 중인 업로드는 취소됩니다)</translation>
    </message>
    <message>
        <location filename="../../kokoon_desktop/ui/queue_pane.py" line="314"/>
        <source>Retry</source>
        <translation>다시 시도</translation>
    </message>
    <message>
        <location filename="../../kokoon_desktop/ui/queue_pane.py" line="315"/>
        <source>Send a failed item again; an item whose outcome is unknown is looked for on the server first, never sent blindly</source>
        <translation>실패한 항목을 다시 보냅니다. 결과를 알 수 없는 항목은 무작정 다시 보내지 않고 먼저 서버에서 찾습니다</translation>
    </message>
    <message>
        <location filename="../../kokoon_desktop/ui/queue_pane.py" line="320"/>
        <source>Preset for the selected items</source>
        <translation>선택한 항목의 프리셋</translation>
    </message>
    <message>
        <location filename="../../kokoon_desktop/ui/queue_pane.py" line="321"/>
        <source>Give preset</source>
        <translation>프리셋 적용</translation>
    </message>
    <message>
        <location filename="../../kokoon_desktop/ui/queue_pane.py" line="322"/>
        <source>Give the selected items this preset&apos;s settings</source>
        <translation>선택한 항목에 이 프리셋의 설정을 적용합니다</translation>
    </message>
    <message>
        <location filename="../../kokoon_desktop/ui/queue_pane.py" line="326"/>
        <source>Queue total</source>
        <translation>대기열 합계</translation>
    </message>
    <message>
        <location filename="../../kokoon_desktop/ui/queue_pane.py" line="330"/>
        <source>Items sent at once</source>
        <translation>동시에 보내는 항목 수</translation>
    </message>
    <message>
        <location filename="../../kokoon_desktop/ui/queue_pane.py" line="331"/>
        <source>How many items are sent at once</source>
        <translation>동시에 보낼 항목 수</translation>
    </message>
    <message>
        <location filename="../../kokoon_desktop/ui/queue_pane.py" line="332"/>
        <source>At once: </source>
        <translation>동시: </translation>
    </message>
    <message>
        <location filename="../../kokoon_desktop/ui/queue_pane.py" line="333"/>
        <source>Submit all</source>
        <translation>모두 제출</translation>
    </message>
    <message>
        <location filename="../../kokoon_desktop/ui/queue_pane.py" line="335"/>
        <source>Send every waiting item, each once</source>
        <translation>대기 중인 모든 항목을 각각 한 번씩 보냅니다</translation>
    </message>
</context>
<context>
    <name>QuitFlow</name>
    <message>
        <location filename="../../kokoon_desktop/ui/flows/quitting.py" line="67"/>
        <source>1 download and an upload are in progress. The download resumes next time; the upload stops.</source>
        <extracomment>Leaving is decided: the app winds down the async work, then closes the window. Set once the async work is wound down: the next close is accepted.</extracomment>
        <translation>다운로드 1개와 업로드가 진행 중입니다. 다운로드는 다음에 이어서 받고, 업로드는 중단됩니다.</translation>
    </message>
    <message>
        <location filename="../../kokoon_desktop/ui/flows/quitting.py" line="72"/>
        <source>{count} downloads and an upload are in progress. The downloads resume next time; the upload stops.</source>
        <translation>다운로드 {count}개와 업로드가 진행 중입니다. 다운로드는 다음에 이어서 받고, 업로드는 중단됩니다.</translation>
    </message>
    <message>
        <location filename="../../kokoon_desktop/ui/flows/quitting.py" line="79"/>
        <source>1 download in progress — it resumes next time.</source>
        <translation>다운로드 1개가 진행 중입니다 — 다음에 이어서 받습니다.</translation>
    </message>
    <message>
        <location filename="../../kokoon_desktop/ui/flows/quitting.py" line="81"/>
        <source>{count} downloads in progress — they resume next time.</source>
        <translation>다운로드 {count}개가 진행 중입니다 — 다음에 이어서 받습니다.</translation>
    </message>
    <message>
        <location filename="../../kokoon_desktop/ui/flows/quitting.py" line="86"/>
        <source>An upload is in progress: it stops if you quit.</source>
        <translation>업로드가 진행 중입니다. 종료하면 업로드가 중단됩니다.</translation>
    </message>
    <message>
        <location filename="../../kokoon_desktop/ui/flows/quitting.py" line="96"/>
        <source>Quit Kokoon Desktop?</source>
        <translation>Kokoon Desktop을 종료할까요?</translation>
    </message>
    <message>
        <location filename="../../kokoon_desktop/ui/flows/quitting.py" line="98"/>
        <source>Quit</source>
        <translation>종료</translation>
    </message>
</context>
<context>
    <name>Quoter</name>
    <message>
        <location filename="../../kokoon_desktop/services/quoter.py" line="31"/>
        <source>The service quotes full tasks only: a preview&apos;s cost is not known in advance.</source>
        <translation>서비스는 전체 작업의 비용만 미리 알려 줍니다. 미리보기의 비용은 미리 알 수 없습니다.</translation>
    </message>
    <message>
        <location filename="../../kokoon_desktop/services/quoter.py" line="94"/>
        <source>The service quotes full tasks only: a preview&apos;s cost is not known in advance. {reason}</source>
        <translation>서비스는 전체 작업의 비용만 미리 알려 줍니다. 미리보기의 비용은 미리 알 수 없습니다. {reason}</translation>
    </message>
    <message>
        <location filename="../../kokoon_desktop/services/quoter.py" line="147"/>
        <source>The credit left is unknown: {reason}</source>
        <translation>남은 크레딧을 알 수 없습니다: {reason}</translation>
    </message>
</context>
<context>
    <name>RangePanel</name>
    <message>
        <location filename="../../kokoon_desktop/ui/range_panel.py" line="50"/>
        <source>The source&apos;s frame rate is not known, so times are in milliseconds.</source>
        <extracomment>Wide enough for the longest text a field shows: a timecode with three-digit frames.</extracomment>
        <translation>소스의 프레임 레이트를 알 수 없어 시간을 밀리초로 표시합니다.</translation>
    </message>
    <message>
        <location filename="../../kokoon_desktop/ui/range_panel.py" line="58"/>
        <location filename="../../kokoon_desktop/ui/range_panel.py" line="110"/>
        <source>In</source>
        <translation>시작점</translation>
    </message>
    <message>
        <location filename="../../kokoon_desktop/ui/range_panel.py" line="59"/>
        <location filename="../../kokoon_desktop/ui/range_panel.py" line="111"/>
        <source>Out</source>
        <translation>끝점</translation>
    </message>
    <message>
        <location filename="../../kokoon_desktop/ui/range_panel.py" line="60"/>
        <location filename="../../kokoon_desktop/ui/range_panel.py" line="112"/>
        <source>Duration</source>
        <translation>길이</translation>
    </message>
    <message>
        <location filename="../../kokoon_desktop/ui/range_panel.py" line="128"/>
        <source>Time unit</source>
        <translation>시간 단위</translation>
    </message>
    <message>
        <location filename="../../kokoon_desktop/ui/range_panel.py" line="131"/>
        <source>Whole file</source>
        <translation>파일 전체</translation>
    </message>
    <message>
        <location filename="../../kokoon_desktop/ui/range_panel.py" line="133"/>
        <source>Select the whole file</source>
        <translation>파일 전체 선택</translation>
    </message>
    <message>
        <location filename="../../kokoon_desktop/ui/range_panel.py" line="134"/>
        <source>Clear In and Out: the task processes the whole file.</source>
        <translation>시작점과 끝점을 지웁니다. 작업이 파일 전체를 처리합니다.</translation>
    </message>
    <message>
        <location filename="../../kokoon_desktop/ui/range_panel.py" line="155"/>
        <source>Range</source>
        <translation>구간</translation>
    </message>
    <message>
        <location filename="../../kokoon_desktop/ui/range_panel.py" line="406"/>
        <source>{entry} is past the end of the clip: its last frame is {last}.</source>
        <translation>{entry}은(는) 클립의 끝을 넘습니다. 마지막 프레임은 {last}입니다.</translation>
    </message>
    <message>
        <location filename="../../kokoon_desktop/ui/range_panel.py" line="413"/>
        <source>A range holds at least one frame.</source>
        <translation>구간에는 프레임이 하나 이상 있어야 합니다.</translation>
    </message>
    <message>
        <location filename="../../kokoon_desktop/ui/range_panel.py" line="416"/>
        <source>{entry} is longer than the clip after In: at most {length}.</source>
        <translation>{entry}은(는) 시작점 이후 클립보다 깁니다. 최대 {length}입니다.</translation>
    </message>
    <message>
        <location filename="../../kokoon_desktop/ui/range_panel.py" line="473"/>
        <source>Enter applies, Esc undoes; {unit_hint}.</source>
        <translation>Enter로 적용, Esc로 되돌리기. {unit_hint}.</translation>
    </message>
    <message>
        <location filename="../../kokoon_desktop/ui/range_panel.py" line="474"/>
        <source>The first frame of the range. {hint}</source>
        <translation>구간의 첫 프레임입니다. {hint}</translation>
    </message>
    <message>
        <location filename="../../kokoon_desktop/ui/range_panel.py" line="476"/>
        <source>The last frame of the range (included). {hint}</source>
        <translation>구간의 마지막 프레임입니다(포함). {hint}</translation>
    </message>
    <message>
        <location filename="../../kokoon_desktop/ui/range_panel.py" line="479"/>
        <source>How many frames, Out - In + 1; changing it moves Out. {hint}</source>
        <translation>프레임 수(끝점 - 시작점 + 1)입니다. 바꾸면 끝점이 움직입니다. {hint}</translation>
    </message>
    <message>
        <location filename="../../kokoon_desktop/ui/range_panel.py" line="485"/>
        <source>Show times as timecode, frame numbers or milliseconds.</source>
        <translation>시간을 타임코드, 프레임 번호, 밀리초 중 하나로 표시합니다.</translation>
    </message>
    <message>
        <location filename="../../kokoon_desktop/ui/range_panel.py" line="492"/>
        <source>Where processing starts, in milliseconds or HH:MM:SS.mmm; +/- moves it. Enter applies.</source>
        <translation>처리를 시작할 위치입니다. 밀리초나 HH:MM:SS.mmm으로 입력하고, +/-로 이동합니다. Enter로 적용합니다.</translation>
    </message>
    <message>
        <location filename="../../kokoon_desktop/ui/range_panel.py" line="500"/>
        <source>{no_rate} Give a Duration instead of an Out.</source>
        <translation>{no_rate} 끝점 대신 길이를 입력하세요.</translation>
    </message>
    <message>
        <location filename="../../kokoon_desktop/ui/range_panel.py" line="505"/>
        <source>to the end</source>
        <translation>끝까지</translation>
    </message>
    <message>
        <location filename="../../kokoon_desktop/ui/range_panel.py" line="508"/>
        <source>How much to process, in milliseconds or HH:MM:SS.mmm; empty runs to the end. Enter applies.</source>
        <translation>처리할 길이입니다. 밀리초나 HH:MM:SS.mmm으로 입력하고, 비워 두면 끝까지 처리합니다. Enter로 적용합니다.</translation>
    </message>
    <message>
        <location filename="../../kokoon_desktop/ui/range_panel.py" line="528"/>
        <source>Whole file selected ({length}).</source>
        <translation>파일 전체가 선택되었습니다({length}).</translation>
    </message>
    <message>
        <location filename="../../kokoon_desktop/ui/range_panel.py" line="530"/>
        <source>Whole file selected.</source>
        <translation>파일 전체가 선택되었습니다.</translation>
    </message>
    <message>
        <location filename="../../kokoon_desktop/ui/range_panel.py" line="535"/>
        <source>From {start} to {end}.</source>
        <translation>{start}부터 {end}까지.</translation>
    </message>
    <message>
        <location filename="../../kokoon_desktop/ui/range_panel.py" line="537"/>
        <source>From {start} to the end.</source>
        <translation>{start}부터 끝까지.</translation>
    </message>
    <message>
        <location filename="../../kokoon_desktop/ui/range_panel.py" line="551"/>
        <source>{fps} fps</source>
        <translation>{fps}fps</translation>
    </message>
    <message>
        <location filename="../../kokoon_desktop/ui/range_panel.py" line="556"/>
        <source>a variable frame rate ({average} fps on average; timecode counts frames at {fps} fps)</source>
        <translation>가변 프레임 레이트(평균 {average}fps, 타임코드는 {fps}fps 기준으로 프레임을 셈)</translation>
    </message>
    <message>
        <location filename="../../kokoon_desktop/ui/range_panel.py" line="562"/>
        <source>Whole file selected: {total} frames at {rate} ({length}).</source>
        <translation>파일 전체 선택: {rate}, {total}프레임({length}).</translation>
    </message>
    <message>
        <location filename="../../kokoon_desktop/ui/range_panel.py" line="567"/>
        <source>{count} of {total} frames at {rate}; sent as start {start_ms} ms, duration {duration_ms} ms.</source>
        <translation>{rate}, {total}프레임 중 {count}프레임. 시작 {start_ms}ms, 길이 {duration_ms}ms로 보냅니다.</translation>
    </message>
</context>
<context>
    <name>ResultNotifier</name>
    <message>
        <location filename="../../kokoon_desktop/ui/desktop_integration.py" line="125"/>
        <source>1 result downloaded</source>
        <extracomment>Finished downloads within this time share one notification. The desktop entry the dock progress belongs to (packaging installs it under this name).</extracomment>
        <translation>결과 1개를 다운로드했습니다</translation>
    </message>
    <message>
        <location filename="../../kokoon_desktop/ui/desktop_integration.py" line="127"/>
        <source>{count} results downloaded</source>
        <translation>결과 {count}개를 다운로드했습니다</translation>
    </message>
    <message>
        <location filename="../../kokoon_desktop/ui/desktop_integration.py" line="131"/>
        <source>{names} and {count} more</source>
        <translation>{names} 외 {count}개</translation>
    </message>
    <message>
        <location filename="../../kokoon_desktop/ui/desktop_integration.py" line="136"/>
        <source>{title}: {body}</source>
        <translation>{title}: {body}</translation>
    </message>
</context>
<context>
    <name>ResultsFlow</name>
    <message>
        <location filename="../../kokoon_desktop/ui/flows/results.py" line="104"/>
        <source>Resuming 1 download left unfinished.</source>
        <extracomment>Account rows whose result expiry is looked up after a merge, newest first, at most. Results older than this are not looked up: the service keeps originals 14 days.</extracomment>
        <translation>끝나지 않은 다운로드 1개를 이어서 받습니다.</translation>
    </message>
    <message>
        <location filename="../../kokoon_desktop/ui/flows/results.py" line="106"/>
        <source>Resuming {count} downloads left unfinished.</source>
        <translation>끝나지 않은 다운로드 {count}개를 이어서 받습니다.</translation>
    </message>
    <message>
        <location filename="../../kokoon_desktop/ui/flows/results.py" line="119"/>
        <source>result</source>
        <translation>결과</translation>
    </message>
    <message>
        <location filename="../../kokoon_desktop/ui/flows/results.py" line="141"/>
        <source>Not connected yet: try again in a moment.</source>
        <translation>아직 연결되지 않았습니다. 잠시 후 다시 시도하세요.</translation>
    </message>
    <message>
        <location filename="../../kokoon_desktop/ui/flows/results.py" line="153"/>
        <source>Could not open {path}.</source>
        <translation>{path}을(를) 열 수 없습니다.</translation>
    </message>
    <message>
        <location filename="../../kokoon_desktop/ui/flows/results.py" line="160"/>
        <source>Could not show {path}.</source>
        <translation>{path}을(를) 표시할 수 없습니다.</translation>
    </message>
    <message>
        <location filename="../../kokoon_desktop/ui/flows/results.py" line="186"/>
        <source>The account&apos;s tasks could not be read: {reason}</source>
        <translation>계정의 작업을 읽지 못했습니다: {reason}</translation>
    </message>
    <message>
        <location filename="../../kokoon_desktop/ui/flows/results.py" line="203"/>
        <source>1 submission whose outcome was unknown was found on the server and followed; nothing was sent again.</source>
        <translation>결과를 알 수 없던 제출 1건을 서버에서 찾아 추적합니다. 다시 보낸 것은 없습니다.</translation>
    </message>
    <message>
        <location filename="../../kokoon_desktop/ui/flows/results.py" line="208"/>
        <source>{count} submissions whose outcome was unknown were found on the server and followed; nothing was sent again.</source>
        <translation>결과를 알 수 없던 제출 {count}건을 서버에서 찾아 추적합니다. 다시 보낸 것은 없습니다.</translation>
    </message>
    <message>
        <location filename="../../kokoon_desktop/ui/flows/results.py" line="250"/>
        <source>{names} and {count} more</source>
        <translation>{names} 외 {count}개</translation>
    </message>
    <message>
        <location filename="../../kokoon_desktop/ui/flows/results.py" line="253"/>
        <source>1 result expires within two days and is not downloaded: {names}. It is highlighted in the history: select it and press Ctrl+D.</source>
        <translation>다운로드하지 않은 결과 1개가 이틀 안에 만료됩니다: {names}. 기록에 강조 표시되어 있으니 선택한 뒤 Ctrl+D를 누르세요.</translation>
    </message>
    <message>
        <location filename="../../kokoon_desktop/ui/flows/results.py" line="258"/>
        <source>{count} results expire within two days and are not downloaded: {names}. They are highlighted in the history: select them and press Ctrl+D.</source>
        <translation>다운로드하지 않은 결과 {count}개가 이틀 안에 만료됩니다: {names}. 기록에 강조 표시되어 있으니 선택한 뒤 Ctrl+D를 누르세요.</translation>
    </message>
</context>
<context>
    <name>ServiceConfig</name>
    <message>
        <location filename="../../kokoon_desktop/services/service_config.py" line="59"/>
        <source>This computer has no keychain the app can use: your token will be kept until you quit.</source>
        <extracomment>Said when a token is involved and no keychain works, in the app&apos;s words; keyring&apos;s own (technical) reason goes in the notice&apos;s &quot;Why?&quot;.</extracomment>
        <translation>이 컴퓨터에는 앱이 사용할 수 있는 키체인이 없습니다. 토큰은 앱을 종료할 때까지만 보관됩니다.</translation>
    </message>
</context>
<context>
    <name>SettingsDialog</name>
    <message>
        <location filename="../../kokoon_desktop/ui/settings_dialog.py" line="96"/>
        <source>Token as-is (as in the API docs)</source>
        <extracomment>Builds the client &quot;Test connection&quot; talks through: (base URL, token, scheme). The token store for an API base URL (tokens are kept per origin). &quot;Test connection&quot; gives up after this long, whatever the client&apos;s retries would do. The schemes offered, by their English captions (translated where shown).</extracomment>
        <translation>토큰 그대로(API 문서 방식)</translation>
    </message>
    <message>
        <location filename="../../kokoon_desktop/ui/settings_dialog.py" line="97"/>
        <source>Bearer token</source>
        <translation>Bearer 토큰</translation>
    </message>
    <message>
        <location filename="../../kokoon_desktop/ui/settings_dialog.py" line="100"/>
        <source>Next to the source file (else Videos/Kokoon)</source>
        <translation>소스 파일 옆(없으면 동영상/Kokoon)</translation>
    </message>
    <message>
        <location filename="../../kokoon_desktop/ui/settings_dialog.py" line="137"/>
        <source>Settings</source>
        <translation>설정</translation>
    </message>
    <message>
        <location filename="../../kokoon_desktop/ui/settings_dialog.py" line="163"/>
        <location filename="../../kokoon_desktop/ui/settings_dialog.py" line="230"/>
        <source>API address</source>
        <extracomment>Holds the token for this session when no keychain works; share it with the app. Set by the command line or the environment: (value, which option or variable).</extracomment>
        <translation>API 주소</translation>
    </message>
    <message>
        <location filename="../../kokoon_desktop/ui/settings_dialog.py" line="166"/>
        <location filename="../../kokoon_desktop/ui/settings_dialog.py" line="318"/>
        <source>Default</source>
        <translation>기본값</translation>
    </message>
    <message>
        <location filename="../../kokoon_desktop/ui/settings_dialog.py" line="168"/>
        <source>Use the default API address</source>
        <translation>기본 API 주소 사용</translation>
    </message>
    <message>
        <location filename="../../kokoon_desktop/ui/settings_dialog.py" line="170"/>
        <source>Use the documented address, {url}</source>
        <translation>문서에 나온 주소 {url}을(를) 사용합니다</translation>
    </message>
    <message>
        <location filename="../../kokoon_desktop/ui/settings_dialog.py" line="174"/>
        <source>API address problem</source>
        <translation>API 주소 문제</translation>
    </message>
    <message>
        <location filename="../../kokoon_desktop/ui/settings_dialog.py" line="175"/>
        <source>API address source</source>
        <translation>API 주소 출처</translation>
    </message>
    <message>
        <location filename="../../kokoon_desktop/ui/settings_dialog.py" line="179"/>
        <source>Authorization scheme</source>
        <translation>인증 방식</translation>
    </message>
    <message>
        <location filename="../../kokoon_desktop/ui/settings_dialog.py" line="184"/>
        <source>How the token is sent in the Authorization header: as-is, as the API documentation shows, or as “Bearer &lt;token&gt;” for gateways that require it.</source>
        <translation>Authorization 헤더에 토큰을 보내는 방식입니다. API 문서처럼 그대로 보내거나, 이를 요구하는 게이트웨이를 위해 “Bearer &lt;토큰&gt;” 형식으로 보냅니다.</translation>
    </message>
    <message>
        <location filename="../../kokoon_desktop/ui/settings_dialog.py" line="190"/>
        <source>Authorization scheme source</source>
        <translation>인증 방식 출처</translation>
    </message>
    <message>
        <location filename="../../kokoon_desktop/ui/settings_dialog.py" line="196"/>
        <source>API token</source>
        <translation>API 토큰</translation>
    </message>
    <message>
        <location filename="../../kokoon_desktop/ui/settings_dialog.py" line="198"/>
        <location filename="../../kokoon_desktop/ui/settings_dialog.py" line="535"/>
        <source>Paste your API token</source>
        <translation>API 토큰을 붙여 넣으세요</translation>
    </message>
    <message>
        <location filename="../../kokoon_desktop/ui/settings_dialog.py" line="199"/>
        <location filename="../../kokoon_desktop/ui/settings_dialog.py" line="693"/>
        <source>Show</source>
        <translation>보기</translation>
    </message>
    <message>
        <location filename="../../kokoon_desktop/ui/settings_dialog.py" line="201"/>
        <location filename="../../kokoon_desktop/ui/settings_dialog.py" line="694"/>
        <source>Show token</source>
        <translation>토큰 보기</translation>
    </message>
    <message>
        <location filename="../../kokoon_desktop/ui/settings_dialog.py" line="205"/>
        <source>Token status</source>
        <translation>토큰 상태</translation>
    </message>
    <message>
        <location filename="../../kokoon_desktop/ui/settings_dialog.py" line="208"/>
        <location filename="../../kokoon_desktop/ui/settings_dialog.py" line="210"/>
        <source>Test connection</source>
        <translation>연결 테스트</translation>
    </message>
    <message>
        <location filename="../../kokoon_desktop/ui/settings_dialog.py" line="212"/>
        <location filename="../../kokoon_desktop/ui/settings_dialog.py" line="214"/>
        <source>Remove saved token</source>
        <translation>저장된 토큰 삭제</translation>
    </message>
    <message>
        <location filename="../../kokoon_desktop/ui/settings_dialog.py" line="221"/>
        <source>Connection test result</source>
        <translation>연결 테스트 결과</translation>
    </message>
    <message>
        <location filename="../../kokoon_desktop/ui/settings_dialog.py" line="225"/>
        <source>Keychain warning</source>
        <translation>키체인 경고</translation>
    </message>
    <message>
        <location filename="../../kokoon_desktop/ui/settings_dialog.py" line="230"/>
        <source>Authorization</source>
        <translation>인증</translation>
    </message>
    <message>
        <location filename="../../kokoon_desktop/ui/settings_dialog.py" line="230"/>
        <source>Token</source>
        <translation>토큰</translation>
    </message>
    <message>
        <location filename="../../kokoon_desktop/ui/settings_dialog.py" line="242"/>
        <source>Service</source>
        <translation>서비스</translation>
    </message>
    <message>
        <location filename="../../kokoon_desktop/ui/settings_dialog.py" line="250"/>
        <source>Sign-in</source>
        <translation>로그인</translation>
    </message>
    <message>
        <location filename="../../kokoon_desktop/ui/settings_dialog.py" line="257"/>
        <source>Demo mode (simulated service)</source>
        <translation>데모 모드(시뮬레이션 서비스)</translation>
    </message>
    <message>
        <location filename="../../kokoon_desktop/ui/settings_dialog.py" line="260"/>
        <source>Uses the built-in simulator of the API: nothing leaves this computer and nothing is charged. The settings above are kept for when you turn it off.</source>
        <translation>내장된 API 시뮬레이터를 사용합니다. 이 컴퓨터 밖으로 아무것도 나가지 않으며 요금도 청구되지 않습니다. 위 설정은 데모 모드를 끌 때를 위해 그대로 보관됩니다.</translation>
    </message>
    <message>
        <location filename="../../kokoon_desktop/ui/settings_dialog.py" line="265"/>
        <source>Mode</source>
        <translation>모드</translation>
    </message>
    <message>
        <location filename="../../kokoon_desktop/ui/settings_dialog.py" line="273"/>
        <source>Download results automatically</source>
        <translation>결과 자동 다운로드</translation>
    </message>
    <message>
        <location filename="../../kokoon_desktop/ui/settings_dialog.py" line="276"/>
        <source>A task you submit here is downloaded as soon as it is done, with a .kokoon.json file beside it recording how it was made.</source>
        <translation>여기서 제출한 작업은 완료되는 즉시 다운로드되며, 처리 방법을 기록한 .kokoon.json 파일이 옆에 함께 저장됩니다.</translation>
    </message>
    <message>
        <location filename="../../kokoon_desktop/ui/settings_dialog.py" line="284"/>
        <source>Save results next to the source file</source>
        <translation>결과를 소스 파일 옆에 저장</translation>
    </message>
    <message>
        <location filename="../../kokoon_desktop/ui/settings_dialog.py" line="287"/>
        <source>A result goes to the folder of the file it was uploaded from; results of videos picked from the account go to {folder}.</source>
        <translation>결과는 업로드한 원래 파일이 있는 폴더에 저장됩니다. 계정에서 고른 영상의 결과는 {folder}에 저장됩니다.</translation>
    </message>
    <message>
        <location filename="../../kokoon_desktop/ui/settings_dialog.py" line="291"/>
        <source>This folder:</source>
        <translation>이 폴더:</translation>
    </message>
    <message>
        <location filename="../../kokoon_desktop/ui/settings_dialog.py" line="293"/>
        <source>Save results in a folder of my choice</source>
        <translation>결과를 직접 고른 폴더에 저장</translation>
    </message>
    <message>
        <location filename="../../kokoon_desktop/ui/settings_dialog.py" line="299"/>
        <source>Output folder</source>
        <translation>출력 폴더</translation>
    </message>
    <message>
        <location filename="../../kokoon_desktop/ui/settings_dialog.py" line="300"/>
        <source>A folder for every result</source>
        <translation>모든 결과를 저장할 폴더</translation>
    </message>
    <message>
        <location filename="../../kokoon_desktop/ui/settings_dialog.py" line="301"/>
        <source>Choose…</source>
        <translation>선택…</translation>
    </message>
    <message>
        <location filename="../../kokoon_desktop/ui/settings_dialog.py" line="303"/>
        <source>Choose the output folder</source>
        <translation>출력 폴더 선택</translation>
    </message>
    <message>
        <location filename="../../kokoon_desktop/ui/settings_dialog.py" line="310"/>
        <source>Output folder problem</source>
        <translation>출력 폴더 문제</translation>
    </message>
    <message>
        <location filename="../../kokoon_desktop/ui/settings_dialog.py" line="314"/>
        <source>File name template</source>
        <translation>파일 이름 템플릿</translation>
    </message>
    <message>
        <location filename="../../kokoon_desktop/ui/settings_dialog.py" line="317"/>
        <location filename="../../kokoon_desktop/ui/settings_dialog.py" line="329"/>
        <source>Fields: {fields}</source>
        <translation>필드: {fields}</translation>
    </message>
    <message>
        <location filename="../../kokoon_desktop/ui/settings_dialog.py" line="320"/>
        <source>Use the default file name template</source>
        <translation>기본 파일 이름 템플릿 사용</translation>
    </message>
    <message>
        <location filename="../../kokoon_desktop/ui/settings_dialog.py" line="321"/>
        <source>Use {template}</source>
        <translation>{template} 사용</translation>
    </message>
    <message>
        <location filename="../../kokoon_desktop/ui/settings_dialog.py" line="324"/>
        <source>File name example</source>
        <translation>파일 이름 예시</translation>
    </message>
    <message>
        <location filename="../../kokoon_desktop/ui/settings_dialog.py" line="326"/>
        <source>File name problem</source>
        <translation>파일 이름 문제</translation>
    </message>
    <message>
        <location filename="../../kokoon_desktop/ui/settings_dialog.py" line="328"/>
        <source>File name fields</source>
        <translation>파일 이름 필드</translation>
    </message>
    <message>
        <location filename="../../kokoon_desktop/ui/settings_dialog.py" line="331"/>
        <source>Save to</source>
        <translation>저장 위치</translation>
    </message>
    <message>
        <location filename="../../kokoon_desktop/ui/settings_dialog.py" line="331"/>
        <source>File names</source>
        <translation>파일 이름</translation>
    </message>
    <message>
        <location filename="../../kokoon_desktop/ui/settings_dialog.py" line="343"/>
        <source>Results</source>
        <translation>결과</translation>
    </message>
    <message>
        <location filename="../../kokoon_desktop/ui/settings_dialog.py" line="353"/>
        <source>Settings could not be saved</source>
        <translation>설정을 저장하지 못함</translation>
    </message>
    <message>
        <location filename="../../kokoon_desktop/ui/settings_dialog.py" line="361"/>
        <source>OK</source>
        <translation>확인</translation>
    </message>
    <message>
        <location filename="../../kokoon_desktop/ui/settings_dialog.py" line="364"/>
        <source>Cancel</source>
        <translation>취소</translation>
    </message>
    <message>
        <location filename="../../kokoon_desktop/ui/settings_dialog.py" line="403"/>
        <source>Enter the API&apos;s address, or press Default for the documented one.</source>
        <translation>API 주소를 입력하거나, 기본값을 눌러 문서에 나온 주소를 사용하세요.</translation>
    </message>
    <message>
        <location filename="../../kokoon_desktop/ui/settings_dialog.py" line="424"/>
        <source>Choose a folder, or save results next to the source file.</source>
        <translation>폴더를 선택하거나, 결과를 소스 파일 옆에 저장하세요.</translation>
    </message>
    <message>
        <location filename="../../kokoon_desktop/ui/settings_dialog.py" line="426"/>
        <source>Give the folder&apos;s full path, or use Choose…</source>
        <translation>폴더의 전체 경로를 입력하거나 선택…을 사용하세요.</translation>
    </message>
    <message>
        <location filename="../../kokoon_desktop/ui/settings_dialog.py" line="456"/>
        <source>The settings could not be saved: {reason}</source>
        <translation>설정을 저장하지 못했습니다: {reason}</translation>
    </message>
    <message>
        <location filename="../../kokoon_desktop/ui/settings_dialog.py" line="487"/>
        <source>This computer has no keychain the app can use: your token will be kept until you quit. Press OK again to use it now.</source>
        <translation>이 컴퓨터에는 앱이 사용할 수 있는 키체인이 없습니다. 토큰은 앱을 종료할 때까지만 보관됩니다. 지금 사용하려면 확인을 한 번 더 누르세요.</translation>
    </message>
    <message>
        <location filename="../../kokoon_desktop/ui/settings_dialog.py" line="518"/>
        <source>Kept for this session — type a new token to replace it</source>
        <translation>이번 세션 동안 보관됨 — 바꾸려면 새 토큰을 입력하세요</translation>
    </message>
    <message>
        <location filename="../../kokoon_desktop/ui/settings_dialog.py" line="520"/>
        <source>Saved — type a new token to replace it</source>
        <translation>저장됨 — 바꾸려면 새 토큰을 입력하세요</translation>
    </message>
    <message>
        <location filename="../../kokoon_desktop/ui/settings_dialog.py" line="526"/>
        <source>This computer has no keychain the app can use: a token you enter will be kept until you quit.</source>
        <translation>이 컴퓨터에는 앱이 사용할 수 있는 키체인이 없습니다. 입력한 토큰은 앱을 종료할 때까지만 보관됩니다.</translation>
    </message>
    <message>
        <location filename="../../kokoon_desktop/ui/settings_dialog.py" line="550"/>
        <source>The token comes from {origin}, which takes precedence over the keychain.</source>
        <translation>토큰은 {origin}에서 가져오며, 키체인보다 우선합니다.</translation>
    </message>
    <message>
        <location filename="../../kokoon_desktop/ui/settings_dialog.py" line="553"/>
        <source>The saved token will be removed when you press OK.</source>
        <translation>확인을 누르면 저장된 토큰이 삭제됩니다.</translation>
    </message>
    <message>
        <location filename="../../kokoon_desktop/ui/settings_dialog.py" line="556"/>
        <source>It will be kept for this session only when you press OK.</source>
        <translation>확인을 누르면 이번 세션 동안만 보관됩니다.</translation>
    </message>
    <message>
        <location filename="../../kokoon_desktop/ui/settings_dialog.py" line="558"/>
        <source>It will be saved in the system keychain when you press OK.</source>
        <translation>확인을 누르면 시스템 키체인에 저장됩니다.</translation>
    </message>
    <message>
        <location filename="../../kokoon_desktop/ui/settings_dialog.py" line="562"/>
        <source>Tokens are saved per service address: enter the token for this address, unless you saved one for it before.</source>
        <translation>토큰은 서비스 주소별로 저장됩니다. 이 주소의 토큰을 저장한 적이 없다면 토큰을 입력하세요.</translation>
    </message>
    <message>
        <location filename="../../kokoon_desktop/ui/settings_dialog.py" line="566"/>
        <source>A token is saved in the system keychain.</source>
        <translation>토큰이 시스템 키체인에 저장되어 있습니다.</translation>
    </message>
    <message>
        <location filename="../../kokoon_desktop/ui/settings_dialog.py" line="568"/>
        <source>A token is kept for this session only.</source>
        <translation>토큰이 이번 세션 동안만 보관됩니다.</translation>
    </message>
    <message>
        <location filename="../../kokoon_desktop/ui/settings_dialog.py" line="570"/>
        <source>No token saved: the app runs in demo mode until you add one.</source>
        <translation>저장된 토큰이 없습니다. 토큰을 추가할 때까지 앱은 데모 모드로 실행됩니다.</translation>
    </message>
    <message>
        <location filename="../../kokoon_desktop/ui/settings_dialog.py" line="588"/>
        <source>Set by {origin}, which takes precedence over this setting.</source>
        <translation>{origin}에서 지정했으며, 이 설정보다 우선합니다.</translation>
    </message>
    <message>
        <location filename="../../kokoon_desktop/ui/settings_dialog.py" line="596"/>
        <source>Set by {origin}.</source>
        <translation>{origin}에서 지정했습니다.</translation>
    </message>
    <message>
        <location filename="../../kokoon_desktop/ui/settings_dialog.py" line="602"/>
        <source>Set by {origin}</source>
        <translation>{origin}에서 지정함</translation>
    </message>
    <message>
        <location filename="../../kokoon_desktop/ui/settings_dialog.py" line="621"/>
        <source>Example: {name}</source>
        <translation>예: {name}</translation>
    </message>
    <message>
        <location filename="../../kokoon_desktop/ui/settings_dialog.py" line="647"/>
        <source>Output folder for results</source>
        <translation>결과를 저장할 출력 폴더</translation>
    </message>
    <message>
        <location filename="../../kokoon_desktop/ui/settings_dialog.py" line="693"/>
        <source>Hide</source>
        <translation>숨기기</translation>
    </message>
    <message>
        <location filename="../../kokoon_desktop/ui/settings_dialog.py" line="694"/>
        <source>Hide token</source>
        <translation>토큰 숨기기</translation>
    </message>
    <message>
        <location filename="../../kokoon_desktop/ui/settings_dialog.py" line="707"/>
        <source>Enter an API token to test the connection.</source>
        <translation>연결을 테스트하려면 API 토큰을 입력하세요.</translation>
    </message>
    <message>
        <location filename="../../kokoon_desktop/ui/settings_dialog.py" line="712"/>
        <source>Connecting to {host}…</source>
        <translation>{host}에 연결하는 중…</translation>
    </message>
    <message>
        <location filename="../../kokoon_desktop/ui/settings_dialog.py" line="730"/>
        <source>No answer from {host} within {seconds} s.</source>
        <translation>{seconds}초 안에 {host}의 응답이 없습니다.</translation>
    </message>
    <message>
        <location filename="../../kokoon_desktop/ui/settings_dialog.py" line="737"/>
        <source>Connected — credit left: {credit}</source>
        <translation>연결됨 — 남은 크레딧: {credit}</translation>
    </message>
</context>
<context>
    <name>ShortcutsOverlay</name>
    <message>
        <location filename="../../kokoon_desktop/ui/timeline/shortcuts_overlay.py" line="26"/>
        <source>Timeline keyboard shortcuts</source>
        <translation>타임라인 단축키</translation>
    </message>
    <message>
        <location filename="../../kokoon_desktop/ui/timeline/shortcuts_overlay.py" line="106"/>
        <source>Timeline shortcuts</source>
        <translation>타임라인 단축키</translation>
    </message>
    <message>
        <location filename="../../kokoon_desktop/ui/timeline/shortcuts_overlay.py" line="111"/>
        <source>Esc to close</source>
        <translation>Esc를 눌러 닫기</translation>
    </message>
</context>
<context>
    <name>SubmissionFlow</name>
    <message>
        <location filename="../../kokoon_desktop/ui/flows/submission.py" line="73"/>
        <source>Cost: {cost} credits</source>
        <translation>비용: {cost}크레딧</translation>
    </message>
    <message>
        <location filename="../../kokoon_desktop/ui/flows/submission.py" line="73"/>
        <source>Cost: {cost} credit</source>
        <extracomment>Submissions within this time share one credit refresh. Submissions within this time share one notification. History changes within this time share one recount of the activity in the status bar.</extracomment>
        <translation>비용: {cost}크레딧</translation>
    </message>
    <message>
        <location filename="../../kokoon_desktop/ui/flows/submission.py" line="77"/>
        <source>Cost: {cost} credit · {balance} left</source>
        <translation>비용: {cost}크레딧 · {balance} 남음</translation>
    </message>
    <message>
        <location filename="../../kokoon_desktop/ui/flows/submission.py" line="79"/>
        <source>Cost: {cost} credits · {balance} left</source>
        <translation>비용: {cost}크레딧 · {balance} 남음</translation>
    </message>
    <message>
        <location filename="../../kokoon_desktop/ui/flows/submission.py" line="83"/>
        <source>&lt;b&gt;Not enough credit.&lt;/b&gt; {cost}</source>
        <translation>&lt;b&gt;크레딧이 부족합니다.&lt;/b&gt; {cost}</translation>
    </message>
    <message>
        <location filename="../../kokoon_desktop/ui/flows/submission.py" line="88"/>
        <source>Credit: {credit}</source>
        <translation>크레딧: {credit}</translation>
    </message>
    <message>
        <location filename="../../kokoon_desktop/ui/flows/submission.py" line="145"/>
        <source>Not enough credit</source>
        <translation>크레딧 부족</translation>
    </message>
    <message>
        <location filename="../../kokoon_desktop/ui/flows/submission.py" line="147"/>
        <source>This task needs {cost} credits and {balance} are left.</source>
        <translation>이 작업에는 {cost}크레딧이 필요한데 {balance}크레딧이 남아 있습니다.</translation>
    </message>
    <message>
        <location filename="../../kokoon_desktop/ui/flows/submission.py" line="151"/>
        <source>The service will probably refuse it. Submit anyway?</source>
        <translation>서비스가 거부할 가능성이 높습니다. 그래도 제출할까요?</translation>
    </message>
    <message>
        <location filename="../../kokoon_desktop/ui/flows/submission.py" line="194"/>
        <source>{reason} Use “Check on server” in the history before submitting again.</source>
        <translation>{reason} 다시 제출하기 전에 기록에서 “서버에서 확인”을 사용하세요.</translation>
    </message>
    <message>
        <location filename="../../kokoon_desktop/ui/flows/submission.py" line="199"/>
        <source>Submission failed: {reason}</source>
        <translation>제출하지 못했습니다: {reason}</translation>
    </message>
    <message>
        <location filename="../../kokoon_desktop/ui/flows/submission.py" line="213"/>
        <source>Task submitted: {tid}</source>
        <translation>작업을 제출했습니다: {tid}</translation>
    </message>
    <message>
        <location filename="../../kokoon_desktop/ui/flows/submission.py" line="215"/>
        <source>{count} tasks submitted.</source>
        <translation>작업 {count}개를 제출했습니다.</translation>
    </message>
    <message>
        <location filename="../../kokoon_desktop/ui/flows/submission.py" line="225"/>
        <source>The form holds that task&apos;s settings: adjust them and submit.</source>
        <translation>양식에 그 작업의 설정을 불러왔습니다. 조정한 뒤 제출하세요.</translation>
    </message>
    <message>
        <location filename="../../kokoon_desktop/ui/flows/submission.py" line="234"/>
        <source>Looking for the task on the server…</source>
        <translation>서버에서 작업을 찾는 중…</translation>
    </message>
    <message>
        <location filename="../../kokoon_desktop/ui/flows/submission.py" line="238"/>
        <source>Could not check: {reason}</source>
        <translation>확인하지 못했습니다: {reason}</translation>
    </message>
    <message>
        <location filename="../../kokoon_desktop/ui/flows/submission.py" line="244"/>
        <source>Found on the server: task {tid}. It was not resubmitted.</source>
        <translation>서버에서 찾았습니다: 작업 {tid}. 다시 제출하지 않았습니다.</translation>
    </message>
    <message>
        <location filename="../../kokoon_desktop/ui/flows/submission.py" line="249"/>
        <source>The task was not created.</source>
        <translation>작업이 만들어지지 않았습니다.</translation>
    </message>
    <message>
        <location filename="../../kokoon_desktop/ui/flows/submission.py" line="287"/>
        <source>{count} sending</source>
        <translation>{count}개 보내는 중</translation>
    </message>
    <message>
        <location filename="../../kokoon_desktop/ui/flows/submission.py" line="290"/>
        <source>1 task in progress</source>
        <translation>작업 1개 진행 중</translation>
    </message>
    <message>
        <location filename="../../kokoon_desktop/ui/flows/submission.py" line="292"/>
        <source>{count} tasks in progress</source>
        <translation>작업 {count}개 진행 중</translation>
    </message>
    <message>
        <location filename="../../kokoon_desktop/ui/flows/submission.py" line="296"/>
        <source>1 download</source>
        <translation>다운로드 1개</translation>
    </message>
    <message>
        <location filename="../../kokoon_desktop/ui/flows/submission.py" line="298"/>
        <source>{count} downloads</source>
        <translation>다운로드 {count}개</translation>
    </message>
</context>
<context>
    <name>Submitter</name>
    <message>
        <location filename="../../kokoon_desktop/services/submitter.py" line="50"/>
        <source>The app closed before the service answered: check on server.</source>
        <translation>서비스가 응답하기 전에 앱이 종료되었습니다. 서버에서 확인하세요.</translation>
    </message>
    <message>
        <location filename="../../kokoon_desktop/services/submitter.py" line="53"/>
        <source>Not found on the server: the task was not created. You can submit it again.</source>
        <translation>서버에 없습니다. 작업이 만들어지지 않았으니 다시 제출해도 됩니다.</translation>
    </message>
    <message>
        <location filename="../../kokoon_desktop/services/submitter.py" line="160"/>
        <source>An unexpected error stopped the submission: check on server.</source>
        <extracomment>Tasks per page when looking a task up, and how many pages at most (1,000 recent tasks). How long the best-effort &quot;needs X, Y left&quot; lookup may delay the failure message.</extracomment>
        <translation>예기치 않은 오류로 제출이 중단되었습니다. 서버에서 확인하세요.</translation>
    </message>
    <message>
        <location filename="../../kokoon_desktop/services/submitter.py" line="192"/>
        <source>Not enough credit: this task needs {needed}, {left} left.</source>
        <translation>크레딧이 부족합니다. 이 작업에는 {needed}크레딧이 필요한데 {left}크레딧이 남아 있습니다.</translation>
    </message>
    <message>
        <location filename="../../kokoon_desktop/services/submitter.py" line="196"/>
        <source>Not enough credit: this task needs {needed}.</source>
        <translation>크레딧이 부족합니다. 이 작업에는 {needed}크레딧이 필요합니다.</translation>
    </message>
    <message>
        <location filename="../../kokoon_desktop/services/submitter.py" line="200"/>
        <source>Not enough credit for this task: {left} left.</source>
        <translation>이 작업에 필요한 크레딧이 부족합니다. {left}크레딧이 남아 있습니다.</translation>
    </message>
</context>
<context>
    <name>TaskForm</name>
    <message>
        <location filename="../../kokoon_desktop/ui/task_form.py" line="165"/>
        <source>Paste a video ID, or browse</source>
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
        <location filename="../../kokoon_desktop/ui/task_form.py" line="215"/>
        <source>Treatment</source>
        <translation>처리</translation>
    </message>
    <message>
        <location filename="../../kokoon_desktop/ui/task_form.py" line="217"/>
        <source>Task</source>
        <translation>작업</translation>
    </message>
    <message>
        <location filename="../../kokoon_desktop/ui/task_form.py" line="194"/>
        <location filename="../../kokoon_desktop/ui/task_form.py" line="218"/>
        <source>Category</source>
        <translation>카테고리</translation>
    </message>
    <message>
        <location filename="../../kokoon_desktop/core/labels.py" line="19"/>
        <source>Person</source>
        <extracomment>The form&apos;s Category list (context &quot;TaskForm&quot;).</extracomment>
        <translation>인물</translation>
    </message>
    <message>
        <location filename="../../kokoon_desktop/core/labels.py" line="20"/>
        <source>Animation</source>
        <translation>애니메이션</translation>
    </message>
    <message>
        <location filename="../../kokoon_desktop/core/labels.py" line="21"/>
        <source>CG</source>
        <translation>CG</translation>
    </message>
    <message>
        <location filename="../../kokoon_desktop/core/labels.py" line="22"/>
        <source>Retro</source>
        <translation>레트로</translation>
    </message>
    <message>
        <location filename="../../kokoon_desktop/core/labels.py" line="23"/>
        <source>General</source>
        <translation>일반</translation>
    </message>
    <message>
        <location filename="../../kokoon_desktop/ui/task_form.py" line="59"/>
        <source>Face enhancement</source>
        <extracomment>The choices&apos; English labels (translated where shown, with the form&apos;s tr()).</extracomment>
        <translation>얼굴 보정</translation>
    </message>
    <message>
        <location filename="../../kokoon_desktop/ui/task_form.py" line="60"/>
        <source>Denoise</source>
        <translation>노이즈 제거</translation>
    </message>
    <message>
        <location filename="../../kokoon_desktop/ui/task_form.py" line="61"/>
        <source>Deinterlace</source>
        <translation>디인터레이스</translation>
    </message>
    <message>
        <location filename="../../kokoon_desktop/ui/task_form.py" line="62"/>
        <source>Film grain (add noise)</source>
        <translation>필름 그레인(노이즈 추가)</translation>
    </message>
    <message>
        <location filename="../../kokoon_desktop/ui/task_form.py" line="66"/>
        <source>1080p (Full HD)</source>
        <translation>1080p(Full HD)</translation>
    </message>
    <message>
        <location filename="../../kokoon_desktop/ui/task_form.py" line="68"/>
        <source>2160p (4K UHD)</source>
        <translation>2160p(4K UHD)</translation>
    </message>
    <message>
        <location filename="../../kokoon_desktop/ui/task_form.py" line="69"/>
        <source>2× the source</source>
        <translation>소스의 2배</translation>
    </message>
    <message>
        <location filename="../../kokoon_desktop/ui/task_form.py" line="70"/>
        <source>4× the source</source>
        <translation>소스의 4배</translation>
    </message>
    <message>
        <location filename="../../kokoon_desktop/ui/task_form.py" line="71"/>
        <source>Custom</source>
        <translation>직접 입력</translation>
    </message>
    <message>
        <location filename="../../kokoon_desktop/ui/task_form.py" line="73"/>
        <source>The service ignores {option} for {category} content, so it is sent as off. Choose another category to use it.</source>
        <translation>서비스는 {category} 콘텐츠에 대해 {option} 옵션을 무시하므로 꺼진 상태로 보냅니다. 사용하려면 다른 카테고리를 선택하세요.</translation>
    </message>
    <message>
        <location filename="../../kokoon_desktop/ui/task_form.py" line="164"/>
        <source>Source video ID</source>
        <extracomment>The frame rate as the service gives it (&quot;30000/1001&quot;); the timeline needs it. The service&apos;s picture of the video (a storage link: fetched without the token). The local file it was uploaded from, when it was (results land next to it). When each frame of the local file is shown (its frame index): the true frame count, and the milliseconds of a variable-rate file&apos;s frames. Interlaced pictures (camcorders, broadcast): Deinterlace is suggested. The chosen source (a SourceInfo), or None when an ID is typed or the source cleared. &quot;Preview this range&quot;: the window&apos;s preview flow reads the spec (it may mark a range).</extracomment>
        <translation>소스 영상 ID</translation>
    </message>
    <message>
        <location filename="../../kokoon_desktop/ui/task_form.py" line="169"/>
        <source>Browse account videos</source>
        <translation>계정 영상 찾아보기</translation>
    </message>
    <message>
        <location filename="../../kokoon_desktop/ui/task_form.py" line="170"/>
        <location filename="../../kokoon_desktop/ui/task_form.py" line="685"/>
        <source>No source chosen</source>
        <translation>선택한 소스 없음</translation>
    </message>
    <message>
        <location filename="../../kokoon_desktop/ui/task_form.py" line="186"/>
        <source>Task type</source>
        <translation>작업 유형</translation>
    </message>
    <message>
        <location filename="../../kokoon_desktop/ui/task_form.py" line="187"/>
        <source>Full task</source>
        <translation>전체 작업</translation>
    </message>
    <message>
        <location filename="../../kokoon_desktop/ui/task_form.py" line="187"/>
        <location filename="../../kokoon_desktop/ui/task_form.py" line="305"/>
        <source>Preview</source>
        <translation>미리보기</translation>
    </message>
    <message>
        <location filename="../../kokoon_desktop/ui/task_form.py" line="190"/>
        <source>A preview renders a few frames so you can judge the result.</source>
        <translation>미리보기는 몇 프레임만 처리해 결과를 가늠해 볼 수 있게 합니다.</translation>
    </message>
    <message>
        <location filename="../../kokoon_desktop/ui/task_form.py" line="198"/>
        <location filename="../../kokoon_desktop/ui/task_form.py" line="219"/>
        <source>Input quality</source>
        <translation>입력 품질</translation>
    </message>
    <message>
        <location filename="../../kokoon_desktop/ui/task_form.py" line="199"/>
        <source>Medium</source>
        <translation>보통</translation>
    </message>
    <message>
        <location filename="../../kokoon_desktop/ui/task_form.py" line="199"/>
        <source>High</source>
        <translation>높음</translation>
    </message>
    <message>
        <location filename="../../kokoon_desktop/ui/task_form.py" line="203"/>
        <source>Super-resolution (upscale)</source>
        <translation>초해상도(업스케일)</translation>
    </message>
    <message>
        <location filename="../../kokoon_desktop/ui/task_form.py" line="205"/>
        <source>Super-resolution</source>
        <translation>초해상도</translation>
    </message>
    <message>
        <location filename="../../kokoon_desktop/ui/task_form.py" line="228"/>
        <source>The source is interlaced: Deinterlace is suggested.</source>
        <translation>소스가 인터레이스 방식입니다. 디인터레이스를 권장합니다.</translation>
    </message>
    <message>
        <location filename="../../kokoon_desktop/ui/task_form.py" line="235"/>
        <source>AI options</source>
        <translation>AI 옵션</translation>
    </message>
    <message>
        <location filename="../../kokoon_desktop/ui/task_form.py" line="239"/>
        <source>Output size</source>
        <translation>출력 크기</translation>
    </message>
    <message>
        <location filename="../../kokoon_desktop/ui/task_form.py" line="245"/>
        <source>Output width</source>
        <translation>출력 너비</translation>
    </message>
    <message>
        <location filename="../../kokoon_desktop/ui/task_form.py" line="246"/>
        <source>Output height</source>
        <translation>출력 높이</translation>
    </message>
    <message>
        <location filename="../../kokoon_desktop/ui/task_form.py" line="252"/>
        <source> px</source>
        <translation> px</translation>
    </message>
    <message>
        <location filename="../../kokoon_desktop/ui/task_form.py" line="254"/>
        <source>Keep aspect ratio</source>
        <translation>화면비 유지</translation>
    </message>
    <message>
        <location filename="../../kokoon_desktop/ui/task_form.py" line="256"/>
        <source>Keep the source&apos;s aspect ratio</source>
        <translation>소스의 화면비 유지</translation>
    </message>
    <message>
        <location filename="../../kokoon_desktop/ui/task_form.py" line="267"/>
        <location filename="../../kokoon_desktop/ui/task_form.py" line="269"/>
        <source>Keep the trimmed range as a new original</source>
        <translation>자른 구간을 새 원본으로 보관</translation>
    </message>
    <message>
        <location filename="../../kokoon_desktop/ui/task_form.py" line="271"/>
        <source>Output</source>
        <translation>출력</translation>
    </message>
    <message>
        <location filename="../../kokoon_desktop/ui/task_form.py" line="273"/>
        <source>Size</source>
        <translation>크기</translation>
    </message>
    <message>
        <location filename="../../kokoon_desktop/ui/task_form.py" line="529"/>
        <source>Render a short preview of the marked range with these settings and compare it with the source before paying for the whole task (Ctrl+Shift+Enter). The service quotes full tasks only: a preview&apos;s cost is not known in advance.</source>
        <translation>표시한 구간을 이 설정으로 짧게 미리 렌더링해 원본과 비교한 뒤 전체 작업 비용을 지불하세요(Ctrl+Shift+Enter). 서비스는 전체 작업의 비용만 미리 알려 주므로 미리보기의 비용은 미리 알 수 없습니다.</translation>
    </message>
    <message>
        <location filename="../../kokoon_desktop/ui/task_form.py" line="264"/>
        <location filename="../../kokoon_desktop/ui/task_form.py" line="283"/>
        <source>Container</source>
        <translation>컨테이너</translation>
    </message>
    <message>
        <location filename="../../kokoon_desktop/ui/task_form.py" line="260"/>
        <location filename="../../kokoon_desktop/ui/task_form.py" line="287"/>
        <source>Codec</source>
        <translation>코덱</translation>
    </message>
    <message>
        <location filename="../../kokoon_desktop/ui/task_form.py" line="292"/>
        <source>Cost</source>
        <translation>비용</translation>
    </message>
    <message>
        <location filename="../../kokoon_desktop/ui/task_form.py" line="294"/>
        <location filename="../../kokoon_desktop/ui/task_form.py" line="296"/>
        <location filename="../../kokoon_desktop/ui/task_form.py" line="701"/>
        <source>Submit</source>
        <translation>제출</translation>
    </message>
    <message>
        <location filename="../../kokoon_desktop/ui/task_form.py" line="297"/>
        <location filename="../../kokoon_desktop/ui/task_form.py" line="703"/>
        <source>Send the task (Ctrl+Enter)</source>
        <translation>작업을 보냅니다(Ctrl+Enter)</translation>
    </message>
    <message>
        <location filename="../../kokoon_desktop/ui/task_form.py" line="307"/>
        <source>Preview this range</source>
        <translation>이 구간 미리보기</translation>
    </message>
    <message>
        <location filename="../../kokoon_desktop/ui/task_form.py" line="627"/>
        <source>Choose a range first: with the whole file there is nothing to trim.</source>
        <translation>먼저 구간을 선택하세요. 파일 전체로는 자를 것이 없습니다.</translation>
    </message>
    <message>
        <location filename="../../kokoon_desktop/ui/task_form.py" line="635"/>
        <source>Also save the selected range as a new original video.</source>
        <translation>선택한 구간을 새 원본 영상으로도 저장합니다.</translation>
    </message>
    <message>
        <location filename="../../kokoon_desktop/ui/task_form.py" line="685"/>
        <source>Video ID typed</source>
        <translation>입력한 영상 ID</translation>
    </message>
    <message>
        <location filename="../../kokoon_desktop/ui/task_form.py" line="694"/>
        <source>interlaced</source>
        <translation>인터레이스</translation>
    </message>
    <message>
        <location filename="../../kokoon_desktop/ui/task_form.py" line="701"/>
        <source>Submitting…</source>
        <translation>제출하는 중…</translation>
    </message>
</context>
<context>
    <name>TaskSpec</name>
    <message>
        <location filename="../../kokoon_desktop/core/task_spec.py" line="106"/>
        <source>The output width is required: give a number of pixels</source>
        <translation>출력 너비가 필요합니다. 픽셀 수를 입력하세요</translation>
    </message>
    <message>
        <location filename="../../kokoon_desktop/core/task_spec.py" line="109"/>
        <source>The output width must be a whole number of pixels, not {value}</source>
        <translation>출력 너비는 {value}이(가) 아니라 정수 픽셀 수여야 합니다</translation>
    </message>
    <message>
        <location filename="../../kokoon_desktop/core/task_spec.py" line="112"/>
        <source>The output width must be a positive number of pixels, not {value}</source>
        <translation>출력 너비는 {value}이(가) 아니라 양수 픽셀 수여야 합니다</translation>
    </message>
    <message>
        <location filename="../../kokoon_desktop/core/task_spec.py" line="115"/>
        <source>The output width of {value} pixels is more than the {limit} the service accepts</source>
        <translation>출력 너비 {value}픽셀은 서비스가 허용하는 {limit}픽셀보다 큽니다</translation>
    </message>
    <message>
        <location filename="../../kokoon_desktop/core/task_spec.py" line="119"/>
        <source>The output width must be an even number of pixels; {value} is odd (try {nearest})</source>
        <translation>출력 너비는 짝수 픽셀이어야 합니다. {value}은(는) 홀수입니다({nearest}을(를) 사용해 보세요)</translation>
    </message>
    <message>
        <location filename="../../kokoon_desktop/core/task_spec.py" line="125"/>
        <source>The output height is required: give a number of pixels</source>
        <translation>출력 높이가 필요합니다. 픽셀 수를 입력하세요</translation>
    </message>
    <message>
        <location filename="../../kokoon_desktop/core/task_spec.py" line="128"/>
        <source>The output height must be a whole number of pixels, not {value}</source>
        <translation>출력 높이는 {value}이(가) 아니라 정수 픽셀 수여야 합니다</translation>
    </message>
    <message>
        <location filename="../../kokoon_desktop/core/task_spec.py" line="131"/>
        <source>The output height must be a positive number of pixels, not {value}</source>
        <translation>출력 높이는 {value}이(가) 아니라 양수 픽셀 수여야 합니다</translation>
    </message>
    <message>
        <location filename="../../kokoon_desktop/core/task_spec.py" line="134"/>
        <source>The output height of {value} pixels is more than the {limit} the service accepts</source>
        <translation>출력 높이 {value}픽셀은 서비스가 허용하는 {limit}픽셀보다 큽니다</translation>
    </message>
    <message>
        <location filename="../../kokoon_desktop/core/task_spec.py" line="138"/>
        <source>The output height must be an even number of pixels; {value} is odd (try {nearest})</source>
        <translation>출력 높이는 짝수 픽셀이어야 합니다. {value}은(는) 홀수입니다({nearest}을(를) 사용해 보세요)</translation>
    </message>
    <message>
        <location filename="../../kokoon_desktop/core/task_spec.py" line="146"/>
        <source>The start position is required, in milliseconds</source>
        <translation>시작 위치가 필요합니다(밀리초 단위)</translation>
    </message>
    <message>
        <location filename="../../kokoon_desktop/core/task_spec.py" line="149"/>
        <source>The start position must be a whole number of milliseconds, not {value}</source>
        <translation>시작 위치는 {value}이(가) 아니라 정수 밀리초여야 합니다</translation>
    </message>
    <message>
        <location filename="../../kokoon_desktop/core/task_spec.py" line="152"/>
        <source>The start position cannot be negative ({value} ms)</source>
        <translation>시작 위치는 음수일 수 없습니다({value}ms)</translation>
    </message>
    <message>
        <location filename="../../kokoon_desktop/core/task_spec.py" line="157"/>
        <source>The duration is required, in milliseconds</source>
        <translation>길이가 필요합니다(밀리초 단위)</translation>
    </message>
    <message>
        <location filename="../../kokoon_desktop/core/task_spec.py" line="158"/>
        <source>The duration must be a whole number of milliseconds, not {value}</source>
        <translation>길이는 {value}이(가) 아니라 정수 밀리초여야 합니다</translation>
    </message>
    <message>
        <location filename="../../kokoon_desktop/core/task_spec.py" line="161"/>
        <source>The duration cannot be negative ({value} ms)</source>
        <translation>길이는 음수일 수 없습니다({value}ms)</translation>
    </message>
    <message>
        <location filename="../../kokoon_desktop/core/task_spec.py" line="164"/>
        <source>The source&apos;s duration is required, in milliseconds</source>
        <translation>소스의 길이가 필요합니다(밀리초 단위)</translation>
    </message>
    <message>
        <location filename="../../kokoon_desktop/core/task_spec.py" line="167"/>
        <source>The source&apos;s duration must be a whole number of milliseconds, not {value}</source>
        <translation>소스의 길이는 {value}이(가) 아니라 정수 밀리초여야 합니다</translation>
    </message>
    <message>
        <location filename="../../kokoon_desktop/core/task_spec.py" line="171"/>
        <source>The source&apos;s duration cannot be negative ({value} ms)</source>
        <translation>소스의 길이는 음수일 수 없습니다({value}ms)</translation>
    </message>
    <message>
        <location filename="../../kokoon_desktop/core/task_spec.py" line="328"/>
        <source>{smaller} or {larger}</source>
        <translation>{smaller} 또는 {larger}</translation>
    </message>
    <message>
        <location filename="../../kokoon_desktop/core/task_spec.py" line="364"/>
        <source>The range starts at {start}, but the source ends at {end}: the start must come before the end</source>
        <translation>구간이 {start}에서 시작하지만 소스는 {end}에서 끝납니다. 시작은 끝보다 앞이어야 합니다</translation>
    </message>
    <message>
        <location filename="../../kokoon_desktop/core/task_spec.py" line="376"/>
        <source>The range ends at {end}, after the end of the source at {source_end}: from {start} the duration can be at most {longest}</source>
        <translation>구간이 소스의 끝({source_end})보다 뒤인 {end}에서 끝납니다. {start}부터의 길이는 최대 {longest}입니다</translation>
    </message>
</context>
<context>
    <name>TimeEntry</name>
    <message>
        <location filename="../../kokoon_desktop/core/time_entry.py" line="129"/>
        <location filename="../../kokoon_desktop/core/time_entry.py" line="172"/>
        <source>{text} is not a time.</source>
        <translation>{text}은(는) 시간이 아닙니다.</translation>
    </message>
    <message>
        <location filename="../../kokoon_desktop/core/time_entry.py" line="132"/>
        <source>Nothing typed: {hint}.</source>
        <translation>입력한 내용이 없습니다. {hint}.</translation>
    </message>
    <message>
        <location filename="../../kokoon_desktop/core/time_entry.py" line="135"/>
        <location filename="../../kokoon_desktop/core/time_entry.py" line="176"/>
        <source>{text} is too long to be a time.</source>
        <translation>{text}은(는) 시간으로 보기에 너무 깁니다.</translation>
    </message>
    <message>
        <location filename="../../kokoon_desktop/core/time_entry.py" line="140"/>
        <location filename="../../kokoon_desktop/core/time_entry.py" line="181"/>
        <source>{text}: type how much to move after the {sign}.</source>
        <translation>{text}: {sign} 뒤에 이동할 양을 입력하세요.</translation>
    </message>
    <message>
        <location filename="../../kokoon_desktop/core/time_entry.py" line="150"/>
        <source>{text} is not a frame count: {hint}.</source>
        <translation>{text}은(는) 프레임 수가 아닙니다. {hint}.</translation>
    </message>
    <message>
        <location filename="../../kokoon_desktop/core/time_entry.py" line="220"/>
        <source>{text} from {current} goes below zero.</source>
        <translation>{current}에서 {text}만큼 옮기면 0보다 작아집니다.</translation>
    </message>
</context>
<context>
    <name>TimeUnit</name>
    <message>
        <location filename="../../kokoon_desktop/core/time_entry.py" line="65"/>
        <source>Timecode</source>
        <translation>타임코드</translation>
    </message>
    <message>
        <location filename="../../kokoon_desktop/core/time_entry.py" line="66"/>
        <source>Frames</source>
        <translation>프레임</translation>
    </message>
    <message>
        <location filename="../../kokoon_desktop/core/time_entry.py" line="67"/>
        <source>Milliseconds</source>
        <translation>밀리초</translation>
    </message>
    <message>
        <location filename="../../kokoon_desktop/core/time_entry.py" line="71"/>
        <source>type a timecode such as 00:01:30:00, or its digits (13000, or 13.. with a dot for 00); +/- moves from the current value</source>
        <translation>00:01:30:00 같은 타임코드나 그 숫자만 입력하세요(13000, 또는 00을 점으로 쓴 13..). +/-는 현재 값에서 이동합니다</translation>
    </message>
    <message>
        <location filename="../../kokoon_desktop/core/time_entry.py" line="76"/>
        <source>type a frame number such as 125; +/- moves from the current value</source>
        <translation>125 같은 프레임 번호를 입력하세요. +/-는 현재 값에서 이동합니다</translation>
    </message>
    <message>
        <location filename="../../kokoon_desktop/core/time_entry.py" line="79"/>
        <source>type milliseconds (2500) or HH:MM:SS.mmm (00:00:02.500); +/- moves from the current value</source>
        <translation>밀리초(2500)나 HH:MM:SS.mmm(00:00:02.500)을 입력하세요. +/-는 현재 값에서 이동합니다</translation>
    </message>
</context>
<context>
    <name>TimelineKeys</name>
    <message>
        <location filename="../../kokoon_desktop/ui/timeline/keys.py" line="83"/>
        <source>or</source>
        <extracomment>Whether the help names it (not a variant the keyboard makes anyway).</extracomment>
        <translation>또는</translation>
    </message>
    <message>
        <location filename="../../kokoon_desktop/ui/timeline/keys.py" line="93"/>
        <location filename="../../kokoon_desktop/ui/timeline/keys.py" line="99"/>
        <location filename="../../kokoon_desktop/ui/timeline/keys.py" line="105"/>
        <location filename="../../kokoon_desktop/ui/timeline/keys.py" line="111"/>
        <source>Marks</source>
        <translation>표시</translation>
    </message>
    <message>
        <location filename="../../kokoon_desktop/ui/timeline/keys.py" line="94"/>
        <source>Set In / Out at the playhead</source>
        <translation>재생 헤드 위치에 시작점 / 끝점 지정</translation>
    </message>
    <message>
        <location filename="../../kokoon_desktop/ui/timeline/keys.py" line="96"/>
        <source>set In and Out</source>
        <translation>시작점·끝점 지정</translation>
    </message>
    <message>
        <location filename="../../kokoon_desktop/ui/timeline/keys.py" line="100"/>
        <source>Go to In / Out</source>
        <translation>시작점 / 끝점으로 이동</translation>
    </message>
    <message>
        <location filename="../../kokoon_desktop/ui/timeline/keys.py" line="102"/>
        <source>go to them</source>
        <translation>그 위치로 이동</translation>
    </message>
    <message>
        <location filename="../../kokoon_desktop/ui/timeline/keys.py" line="106"/>
        <source>Clear In / Out</source>
        <translation>시작점 / 끝점 지우기</translation>
    </message>
    <message>
        <location filename="../../kokoon_desktop/ui/timeline/keys.py" line="108"/>
        <source>clear them</source>
        <translation>지우기</translation>
    </message>
    <message>
        <location filename="../../kokoon_desktop/ui/timeline/keys.py" line="112"/>
        <source>Clear both: the whole file</source>
        <translation>둘 다 지우기: 파일 전체</translation>
    </message>
    <message>
        <location filename="../../kokoon_desktop/ui/timeline/keys.py" line="116"/>
        <location filename="../../kokoon_desktop/ui/timeline/keys.py" line="122"/>
        <location filename="../../kokoon_desktop/ui/timeline/keys.py" line="129"/>
        <location filename="../../kokoon_desktop/ui/timeline/keys.py" line="134"/>
        <location filename="../../kokoon_desktop/ui/timeline/keys.py" line="139"/>
        <source>Moving</source>
        <translation>이동</translation>
    </message>
    <message>
        <location filename="../../kokoon_desktop/ui/timeline/keys.py" line="117"/>
        <source>One frame back / forward</source>
        <translation>한 프레임 뒤로 / 앞으로</translation>
    </message>
    <message>
        <location filename="../../kokoon_desktop/ui/timeline/keys.py" line="119"/>
        <source>one frame</source>
        <translation>한 프레임</translation>
    </message>
    <message>
        <location filename="../../kokoon_desktop/ui/timeline/keys.py" line="123"/>
        <source>One second back / forward</source>
        <translation>1초 뒤로 / 앞으로</translation>
    </message>
    <message>
        <location filename="../../kokoon_desktop/ui/timeline/keys.py" line="130"/>
        <source>First / last frame</source>
        <translation>첫 프레임 / 마지막 프레임</translation>
    </message>
    <message>
        <location filename="../../kokoon_desktop/ui/timeline/keys.py" line="135"/>
        <source>Move the playhead (snaps to marks; Shift: no snap)</source>
        <translation>재생 헤드 이동(표시에 맞춰 붙음, Shift: 붙지 않음)</translation>
    </message>
    <message>
        <location filename="../../kokoon_desktop/ui/timeline/keys.py" line="136"/>
        <source>Click or drag the ruler</source>
        <translation>눈금자를 클릭하거나 드래그</translation>
    </message>
    <message>
        <location filename="../../kokoon_desktop/ui/timeline/keys.py" line="140"/>
        <source>Move the In or Out mark</source>
        <translation>시작점 또는 끝점 표시 이동</translation>
    </message>
    <message>
        <location filename="../../kokoon_desktop/ui/timeline/keys.py" line="141"/>
        <source>Drag [ or ]</source>
        <translation>[ 또는 ] 드래그</translation>
    </message>
    <message>
        <location filename="../../kokoon_desktop/ui/timeline/keys.py" line="144"/>
        <location filename="../../kokoon_desktop/ui/timeline/keys.py" line="150"/>
        <location filename="../../kokoon_desktop/ui/timeline/keys.py" line="156"/>
        <source>Playing</source>
        <translation>재생</translation>
    </message>
    <message>
        <location filename="../../kokoon_desktop/ui/timeline/keys.py" line="145"/>
        <source>Play the range / pause</source>
        <translation>구간 재생 / 일시 정지</translation>
    </message>
    <message>
        <location filename="../../kokoon_desktop/ui/timeline/keys.py" line="147"/>
        <source>plays</source>
        <translation>재생</translation>
    </message>
    <message>
        <location filename="../../kokoon_desktop/ui/timeline/keys.py" line="151"/>
        <source>Play forward / backward; press again to go faster</source>
        <translation>앞으로 / 뒤로 재생, 다시 누르면 빨라짐</translation>
    </message>
    <message>
        <location filename="../../kokoon_desktop/ui/timeline/keys.py" line="153"/>
        <source>shuttle</source>
        <translation>셔틀</translation>
    </message>
    <message>
        <location filename="../../kokoon_desktop/ui/timeline/keys.py" line="157"/>
        <source>Stop</source>
        <translation>정지</translation>
    </message>
    <message>
        <location filename="../../kokoon_desktop/ui/timeline/keys.py" line="161"/>
        <location filename="../../kokoon_desktop/ui/timeline/keys.py" line="167"/>
        <location filename="../../kokoon_desktop/ui/timeline/keys.py" line="172"/>
        <source>View</source>
        <translation>보기</translation>
    </message>
    <message>
        <location filename="../../kokoon_desktop/ui/timeline/keys.py" line="162"/>
        <source>Zoom around the mouse</source>
        <translation>마우스 위치를 중심으로 확대/축소</translation>
    </message>
    <message>
        <location filename="../../kokoon_desktop/ui/timeline/keys.py" line="163"/>
        <source>Ctrl+wheel, pinch</source>
        <translation>Ctrl+휠, 핀치</translation>
    </message>
    <message>
        <location filename="../../kokoon_desktop/ui/timeline/keys.py" line="164"/>
        <source>zoom</source>
        <translation>확대/축소</translation>
    </message>
    <message>
        <location filename="../../kokoon_desktop/ui/timeline/keys.py" line="168"/>
        <source>Scroll along the clip</source>
        <translation>클립을 따라 스크롤</translation>
    </message>
    <message>
        <location filename="../../kokoon_desktop/ui/timeline/keys.py" line="169"/>
        <source>Wheel</source>
        <translation>휠</translation>
    </message>
    <message>
        <location filename="../../kokoon_desktop/ui/timeline/keys.py" line="173"/>
        <source>Show or hide this list</source>
        <translation>이 목록 보기 / 숨기기</translation>
    </message>
    <message>
        <location filename="../../kokoon_desktop/ui/timeline/keys.py" line="179"/>
        <source>lists all keys</source>
        <translation>모든 단축키 보기</translation>
    </message>
    <message>
        <location filename="../../kokoon_desktop/ui/timeline/keys.py" line="208"/>
        <source>{keys} {what}</source>
        <translation>{keys} {what}</translation>
    </message>
    <message>
        <location filename="../../kokoon_desktop/ui/timeline/keys.py" line="216"/>
        <source>{keys}: {what}</source>
        <translation>{keys}: {what}</translation>
    </message>
</context>
<context>
    <name>Tracker</name>
    <message>
        <location filename="../../kokoon_desktop/services/tracker.py" line="44"/>
        <source>The service no longer knows this task (expired, or another account&apos;s).</source>
        <translation>서비스에 이 작업이 더 이상 없습니다(만료되었거나 다른 계정의 작업입니다).</translation>
    </message>
    <message>
        <location filename="../../kokoon_desktop/services/tracker.py" line="48"/>
        <source>The demo service starts afresh each time the app starts: this task was made in an earlier session and is gone. Remove the row, or submit the task again.</source>
        <extracomment>What the built-in simulator&apos;s 404 means: it starts afresh each time the app starts.</extracomment>
        <translation>데모 서비스는 앱을 시작할 때마다 새로 시작됩니다: 이 작업은 이전 세션에서 만들어져 더 이상 없습니다. 행을 삭제하거나 작업을 다시 제출하세요.</translation>
    </message>
</context>
<context>
    <name>UploadFlow</name>
    <message>
        <location filename="../../kokoon_desktop/ui/flows/upload.py" line="34"/>
        <source>Videos (*.mp4 *.mov *.mkv *.m4v *.avi *.mxf *.webm *.mts *.m2ts *.m2t *.ts *.mpg *.mpeg *.vob *.3gp *.wmv *.flv *.ogv)</source>
        <extracomment>What the upload dialog offers; the service probes the file and refuses what it cannot read.</extracomment>
        <translation>동영상 (*.mp4 *.mov *.mkv *.m4v *.avi *.mxf *.webm *.mts *.m2ts *.m2t *.ts *.mpg *.mpeg *.vob *.3gp *.wmv *.flv *.ogv)</translation>
    </message>
    <message>
        <location filename="../../kokoon_desktop/ui/flows/upload.py" line="39"/>
        <source>All files (*)</source>
        <translation>모든 파일 (*)</translation>
    </message>
    <message>
        <location filename="../../kokoon_desktop/ui/flows/upload.py" line="86"/>
        <source>Upload a video</source>
        <extracomment>Counting the frames of the last upload after it finished (it is not &quot;in flight&quot;: the source is usable, and quitting or another upload need not wait for it). An upload about to open its local copy (the form&apos;s source changes first).</extracomment>
        <translation>영상 업로드</translation>
    </message>
    <message>
        <location filename="../../kokoon_desktop/ui/flows/upload.py" line="98"/>
        <source>An upload is already running: wait for it or cancel it.</source>
        <translation>이미 업로드가 진행 중입니다. 끝날 때까지 기다리거나 취소하세요.</translation>
    </message>
    <message>
        <location filename="../../kokoon_desktop/ui/flows/upload.py" line="128"/>
        <source>{reason} Nothing was uploaded.</source>
        <translation>{reason} 아무것도 업로드하지 않았습니다.</translation>
    </message>
    <message>
        <location filename="../../kokoon_desktop/ui/flows/upload.py" line="153"/>
        <source>{reason} The upload was stopped.</source>
        <translation>{reason} 업로드를 중단했습니다.</translation>
    </message>
    <message>
        <location filename="../../kokoon_desktop/ui/flows/upload.py" line="159"/>
        <source>Uploaded {name}: it is the source now.</source>
        <translation>{name}을(를) 업로드했습니다. 이제 이 영상이 소스입니다.</translation>
    </message>
    <message>
        <location filename="../../kokoon_desktop/ui/flows/upload.py" line="189"/>
        <source>{reason} The timeline follows what its headers say, and shows no pictures.</source>
        <translation>{reason} 타임라인은 파일 헤더의 정보를 따르며, 화면은 표시하지 않습니다.</translation>
    </message>
    <message>
        <location filename="../../kokoon_desktop/ui/flows/upload.py" line="208"/>
        <source>“{name}” is damaged near its end: its pictures stop decoding after frame {frame} ({timecode}), where the timeline ends.</source>
        <translation>“{name}”은(는) 끝부분이 손상되어 {frame}번 프레임({timecode}) 이후로는 디코딩되지 않습니다. 타임라인은 여기서 끝납니다.</translation>
    </message>
    <message>
        <location filename="../../kokoon_desktop/ui/flows/upload.py" line="243"/>
        <source>{name}: counting frames to refine the timeline…</source>
        <translation>{name}: 타임라인을 정확히 하기 위해 프레임을 세는 중…</translation>
    </message>
    <message>
        <location filename="../../kokoon_desktop/ui/flows/upload.py" line="270"/>
        <source>{name}: %p%</source>
        <translation>{name}: %p%</translation>
    </message>
    <message>
        <location filename="../../kokoon_desktop/ui/flows/upload.py" line="277"/>
        <source>Upload of {name} failed: {reason}</source>
        <translation>{name}을(를) 업로드하지 못했습니다: {reason}</translation>
    </message>
    <message>
        <location filename="../../kokoon_desktop/ui/flows/upload.py" line="283"/>
        <source>Upload of {name} cancelled.</source>
        <translation>{name} 업로드를 취소했습니다.</translation>
    </message>
</context>
<context>
    <name>VideoBrowserDialog</name>
    <message>
        <location filename="../../kokoon_desktop/ui/video_browser.py" line="64"/>
        <source>Newest first</source>
        <extracomment>Pause after the last keystroke before the search goes to the server. The orders offered, as (label, server field, direction).</extracomment>
        <translation>최신순</translation>
    </message>
    <message>
        <location filename="../../kokoon_desktop/ui/video_browser.py" line="69"/>
        <source>Expiring soonest</source>
        <translation>만료 임박순</translation>
    </message>
    <message>
        <location filename="../../kokoon_desktop/ui/video_browser.py" line="73"/>
        <source>Name (A–Z)</source>
        <translation>이름순(A–Z)</translation>
    </message>
    <message>
        <location filename="../../kokoon_desktop/ui/video_browser.py" line="100"/>
        <source>Browse account videos</source>
        <translation>계정 영상 찾아보기</translation>
    </message>
    <message>
        <location filename="../../kokoon_desktop/ui/video_browser.py" line="113"/>
        <source>Search videos by file name</source>
        <translation>파일 이름으로 영상 검색</translation>
    </message>
    <message>
        <location filename="../../kokoon_desktop/ui/video_browser.py" line="114"/>
        <source>Search file names…</source>
        <translation>파일 이름 검색…</translation>
    </message>
    <message>
        <location filename="../../kokoon_desktop/ui/video_browser.py" line="125"/>
        <source>Sort order</source>
        <translation>정렬 순서</translation>
    </message>
    <message>
        <location filename="../../kokoon_desktop/ui/video_browser.py" line="130"/>
        <location filename="../../kokoon_desktop/ui/video_browser.py" line="132"/>
        <source>Include SR results</source>
        <translation>SR 결과 포함</translation>
    </message>
    <message>
        <location filename="../../kokoon_desktop/ui/video_browser.py" line="134"/>
        <source>Also list finished super-resolution results. Only originals can be processed.</source>
        <translation>완료된 초해상도 결과도 함께 표시합니다. 처리할 수 있는 것은 원본뿐입니다.</translation>
    </message>
    <message>
        <location filename="../../kokoon_desktop/ui/video_browser.py" line="138"/>
        <source>Refresh</source>
        <translation>새로 고침</translation>
    </message>
    <message>
        <location filename="../../kokoon_desktop/ui/video_browser.py" line="140"/>
        <source>Refresh the list</source>
        <translation>목록 새로 고침</translation>
    </message>
    <message>
        <location filename="../../kokoon_desktop/ui/video_browser.py" line="146"/>
        <source>Sort</source>
        <translation>정렬</translation>
    </message>
    <message>
        <location filename="../../kokoon_desktop/ui/video_browser.py" line="159"/>
        <source>Account videos</source>
        <translation>계정 영상</translation>
    </message>
    <message>
        <location filename="../../kokoon_desktop/ui/video_browser.py" line="186"/>
        <source>Loading</source>
        <translation>불러오는 중</translation>
    </message>
    <message>
        <location filename="../../kokoon_desktop/ui/video_browser.py" line="187"/>
        <source>Loading videos…</source>
        <translation>영상을 불러오는 중…</translation>
    </message>
    <message>
        <location filename="../../kokoon_desktop/ui/video_browser.py" line="213"/>
        <source>The videos could not be loaded.</source>
        <translation>영상을 불러오지 못했습니다.</translation>
    </message>
    <message>
        <location filename="../../kokoon_desktop/ui/video_browser.py" line="218"/>
        <source>Error</source>
        <translation>오류</translation>
    </message>
    <message>
        <location filename="../../kokoon_desktop/ui/video_browser.py" line="222"/>
        <location filename="../../kokoon_desktop/ui/video_browser.py" line="224"/>
        <source>Retry</source>
        <translation>다시 시도</translation>
    </message>
    <message>
        <location filename="../../kokoon_desktop/ui/video_browser.py" line="246"/>
        <source>List status</source>
        <translation>목록 상태</translation>
    </message>
    <message>
        <location filename="../../kokoon_desktop/ui/video_browser.py" line="247"/>
        <source>Load more</source>
        <translation>더 불러오기</translation>
    </message>
    <message>
        <location filename="../../kokoon_desktop/ui/video_browser.py" line="249"/>
        <source>Load more videos</source>
        <translation>영상 더 불러오기</translation>
    </message>
    <message>
        <location filename="../../kokoon_desktop/ui/video_browser.py" line="253"/>
        <location filename="../../kokoon_desktop/ui/video_browser.py" line="255"/>
        <source>Cancel</source>
        <translation>취소</translation>
    </message>
    <message>
        <location filename="../../kokoon_desktop/ui/video_browser.py" line="257"/>
        <source>Choose</source>
        <translation>선택</translation>
    </message>
    <message>
        <location filename="../../kokoon_desktop/ui/video_browser.py" line="259"/>
        <source>Choose video</source>
        <translation>영상 선택</translation>
    </message>
    <message>
        <location filename="../../kokoon_desktop/ui/video_browser.py" line="342"/>
        <source>Searching…</source>
        <translation>검색하는 중…</translation>
    </message>
    <message>
        <location filename="../../kokoon_desktop/ui/video_browser.py" line="342"/>
        <source>Loading…</source>
        <translation>불러오는 중…</translation>
    </message>
    <message>
        <location filename="../../kokoon_desktop/ui/video_browser.py" line="358"/>
        <source>Could not load more: {reason}</source>
        <translation>더 불러오지 못했습니다: {reason}</translation>
    </message>
    <message>
        <location filename="../../kokoon_desktop/ui/video_browser.py" line="388"/>
        <source>No original videos match “{search}”.</source>
        <translation>“{search}”에 맞는 원본 영상이 없습니다.</translation>
    </message>
    <message>
        <location filename="../../kokoon_desktop/ui/video_browser.py" line="390"/>
        <source>No videos match “{search}”.</source>
        <translation>“{search}”에 맞는 영상이 없습니다.</translation>
    </message>
    <message>
        <location filename="../../kokoon_desktop/ui/video_browser.py" line="393"/>
        <source>Try part of the name, or clear the search.</source>
        <translation>이름의 일부로 검색하거나 검색어를 지우세요.</translation>
    </message>
    <message>
        <location filename="../../kokoon_desktop/ui/video_browser.py" line="396"/>
        <source>No original videos in this account yet.</source>
        <translation>이 계정에는 아직 원본 영상이 없습니다.</translation>
    </message>
    <message>
        <location filename="../../kokoon_desktop/ui/video_browser.py" line="398"/>
        <source>No videos in this account yet.</source>
        <translation>이 계정에는 아직 영상이 없습니다.</translation>
    </message>
    <message>
        <location filename="../../kokoon_desktop/ui/video_browser.py" line="402"/>
        <source>Drop a video file on the main window to upload it. Uploaded originals are kept for 14 days.</source>
        <translation>영상 파일을 기본 창에 끌어다 놓으면 업로드됩니다. 업로드한 원본은 14일 동안 보관됩니다.</translation>
    </message>
    <message>
        <location filename="../../kokoon_desktop/ui/video_browser.py" line="415"/>
        <source>Showing {shown} of {total} videos</source>
        <translation>영상 {total}개 중 {shown}개 표시</translation>
    </message>
    <message>
        <location filename="../../kokoon_desktop/ui/video_browser.py" line="417"/>
        <source>Showing {shown} of {total} originals</source>
        <translation>원본 {total}개 중 {shown}개 표시</translation>
    </message>
    <message>
        <location filename="../../kokoon_desktop/ui/video_browser.py" line="420"/>
        <source>1 video</source>
        <translation>영상 1개</translation>
    </message>
    <message>
        <location filename="../../kokoon_desktop/ui/video_browser.py" line="420"/>
        <source>1 original</source>
        <translation>원본 1개</translation>
    </message>
    <message>
        <location filename="../../kokoon_desktop/ui/video_browser.py" line="422"/>
        <source>{count} videos</source>
        <translation>영상 {count}개</translation>
    </message>
    <message>
        <location filename="../../kokoon_desktop/ui/video_browser.py" line="422"/>
        <source>{count} originals</source>
        <translation>원본 {count}개</translation>
    </message>
    <message>
        <location filename="../../kokoon_desktop/ui/video_browser.py" line="427"/>
        <source>{status} · {count} expiring within 2 days</source>
        <translation>{status} · {count}개가 2일 안에 만료</translation>
    </message>
    <message>
        <location filename="../../kokoon_desktop/ui/video_browser.py" line="463"/>
        <source>Select a video first.</source>
        <translation>먼저 영상을 선택하세요.</translation>
    </message>
    <message>
        <location filename="../../kokoon_desktop/ui/video_browser.py" line="465"/>
        <source>Use this video as the source of the task</source>
        <translation>이 영상을 작업의 소스로 사용합니다</translation>
    </message>
    <message>
        <location filename="../../kokoon_desktop/ui/video_browser.py" line="498"/>
        <source>SR results cannot be processed again: choose an original.</source>
        <translation>SR 결과는 다시 처리할 수 없습니다. 원본을 선택하세요.</translation>
    </message>
    <message>
        <location filename="../../kokoon_desktop/ui/video_browser.py" line="502"/>
        <source>This video is not ready yet ({state}).</source>
        <translation>이 영상은 아직 준비되지 않았습니다({state}).</translation>
    </message>
    <message>
        <location filename="../../kokoon_desktop/ui/video_browser.py" line="505"/>
        <source>processing</source>
        <translation>처리 중</translation>
    </message>
</context>
<context>
    <name>VideoTableModel</name>
    <message>
        <location filename="../../kokoon_desktop/ui/video_table_model.py" line="38"/>
        <source>Name</source>
        <extracomment>Videos that expire sooner than this are highlighted.</extracomment>
        <translation>이름</translation>
    </message>
    <message>
        <location filename="../../kokoon_desktop/ui/video_table_model.py" line="39"/>
        <source>Kind</source>
        <translation>종류</translation>
    </message>
    <message>
        <location filename="../../kokoon_desktop/ui/video_table_model.py" line="40"/>
        <source>Duration</source>
        <translation>길이</translation>
    </message>
    <message>
        <location filename="../../kokoon_desktop/ui/video_table_model.py" line="41"/>
        <source>Resolution</source>
        <translation>해상도</translation>
    </message>
    <message>
        <location filename="../../kokoon_desktop/ui/video_table_model.py" line="42"/>
        <source>Frame rate</source>
        <translation>프레임 레이트</translation>
    </message>
    <message>
        <location filename="../../kokoon_desktop/ui/video_table_model.py" line="43"/>
        <source>Size</source>
        <translation>크기</translation>
    </message>
    <message>
        <location filename="../../kokoon_desktop/ui/video_table_model.py" line="44"/>
        <source>Expires</source>
        <translation>만료</translation>
    </message>
    <message>
        <location filename="../../kokoon_desktop/ui/video_table_model.py" line="45"/>
        <source>Video ID</source>
        <translation>영상 ID</translation>
    </message>
    <message>
        <location filename="../../kokoon_desktop/ui/video_table_model.py" line="163"/>
        <source>Original</source>
        <translation>원본</translation>
    </message>
    <message>
        <location filename="../../kokoon_desktop/ui/video_table_model.py" line="163"/>
        <source>SR result</source>
        <translation>SR 결과</translation>
    </message>
    <message>
        <location filename="../../kokoon_desktop/ui/video_table_model.py" line="166"/>
        <source>{kind} ({state})</source>
        <translation>{kind}({state})</translation>
    </message>
    <message>
        <location filename="../../kokoon_desktop/ui/video_table_model.py" line="167"/>
        <source>not ready</source>
        <translation>준비 안 됨</translation>
    </message>
    <message>
        <location filename="../../kokoon_desktop/ui/video_table_model.py" line="180"/>
        <source>{date} ({left})</source>
        <translation>{date}({left})</translation>
    </message>
    <message>
        <location filename="../../kokoon_desktop/ui/video_table_model.py" line="189"/>
        <source>{name}
Video ID: {vid}</source>
        <translation>{name}
영상 ID: {vid}</translation>
    </message>
    <message>
        <location filename="../../kokoon_desktop/ui/video_table_model.py" line="190"/>
        <source>(no name)</source>
        <translation>(이름 없음)</translation>
    </message>
    <message>
        <location filename="../../kokoon_desktop/ui/video_table_model.py" line="196"/>
        <source>Expires {left}: the service deletes it then. Process it soon, or upload it again later.</source>
        <translation>{left} 만료: 그때 서비스에서 삭제됩니다. 곧 처리하거나 나중에 다시 업로드하세요.</translation>
    </message>
    <message>
        <location filename="../../kokoon_desktop/ui/video_table_model.py" line="199"/>
        <source>The service keeps this video until {date}.</source>
        <translation>서비스는 이 영상을 {date}까지 보관합니다.</translation>
    </message>
    <message>
        <location filename="../../kokoon_desktop/ui/video_table_model.py" line="203"/>
        <source>{fps} frames per second</source>
        <translation>초당 {fps}프레임</translation>
    </message>
    <message>
        <location filename="../../kokoon_desktop/ui/video_table_model.py" line="211"/>
        <source>{fps} fps</source>
        <translation>{fps}fps</translation>
    </message>
    <message>
        <location filename="../../kokoon_desktop/ui/video_table_model.py" line="222"/>
        <source>now</source>
        <translation>지금</translation>
    </message>
    <message>
        <location filename="../../kokoon_desktop/ui/video_table_model.py" line="227"/>
        <source>in 1 day {hours} h</source>
        <translation>1일 {hours}시간 후</translation>
    </message>
    <message>
        <location filename="../../kokoon_desktop/ui/video_table_model.py" line="229"/>
        <source>in 1 day</source>
        <translation>1일 후</translation>
    </message>
    <message>
        <location filename="../../kokoon_desktop/ui/video_table_model.py" line="233"/>
        <source>in {days} days {hours} h</source>
        <translation>{days}일 {hours}시간 후</translation>
    </message>
    <message>
        <location filename="../../kokoon_desktop/ui/video_table_model.py" line="235"/>
        <source>in {days} days</source>
        <translation>{days}일 후</translation>
    </message>
    <message>
        <location filename="../../kokoon_desktop/ui/video_table_model.py" line="238"/>
        <source>in {hours} h</source>
        <translation>{hours}시간 후</translation>
    </message>
    <message>
        <location filename="../../kokoon_desktop/ui/video_table_model.py" line="240"/>
        <source>in {minutes} min</source>
        <translation>{minutes}분 후</translation>
    </message>
</context>
<context>
    <name>human</name>
    <message>
        <location filename="../../kokoon_desktop/core/human.py" line="21"/>
        <source>{size} B</source>
        <translation>{size} B</translation>
    </message>
    <message>
        <location filename="../../kokoon_desktop/core/human.py" line="26"/>
        <source>{size} KB</source>
        <translation>{size} KB</translation>
    </message>
    <message>
        <location filename="../../kokoon_desktop/core/human.py" line="26"/>
        <source>{size} MB</source>
        <translation>{size} MB</translation>
    </message>
    <message>
        <location filename="../../kokoon_desktop/core/human.py" line="29"/>
        <source>{size} GB</source>
        <translation>{size} GB</translation>
    </message>
    <message>
        <location filename="../../kokoon_desktop/core/human.py" line="65"/>
        <source>{percent}%</source>
        <translation>{percent}%</translation>
    </message>
    <message>
        <location filename="../../kokoon_desktop/core/human.py" line="72"/>
        <source>{count} days</source>
        <translation>{count}일</translation>
    </message>
    <message>
        <location filename="../../kokoon_desktop/core/human.py" line="74"/>
        <source>{count} h</source>
        <translation>{count}시간</translation>
    </message>
    <message>
        <location filename="../../kokoon_desktop/core/human.py" line="75"/>
        <source>{count} min</source>
        <translation>{count}분</translation>
    </message>
</context>
</TS>
