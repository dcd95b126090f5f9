@echo off
rem winlog: runs the winlog CLI (winlog.jar) with JVM settings chosen for a short batch process.
rem   examples\src\main\bin\winlog.cmd dump Security.evtx --format jsonl > security.jsonl
rem Finds winlog.jar next to this script, else in examples\target of the source tree, else at
rem %%WINLOG_JAR%%. Extra JVM options: %%WINLOG_JAVA_OPTS%%. Why -XX:TieredStopAtLevel=1: see the sh
rem launcher next to this file and docs/benchmarks-evtx.md (a dump is too short for C2 to pay off).
setlocal
set "JAR=%WINLOG_JAR%"
if not defined JAR if exist "%~dp0winlog.jar" set "JAR=%~dp0winlog.jar"
if not defined JAR if exist "%~dp0..\..\..\target\winlog.jar" set "JAR=%~dp0..\..\..\target\winlog.jar"
if not defined JAR (
  echo winlog: cannot find winlog.jar ^(build it with "mvn -pl examples -am package" or set WINLOG_JAR^) 1>&2
  exit /b 2
)
if not defined JAVA set "JAVA=java"
"%JAVA%" -XX:TieredStopAtLevel=1 %WINLOG_JAVA_OPTS% -jar "%JAR%" %*
exit /b %ERRORLEVEL%
