/**
 * Layer 1: thin JNA bindings to advapi32 and kernel32 (stdcall), with no logic. Strings are
 * UTF-16LE, encoded and decoded by hand. There is no NativeLong, no WString and no W32API string
 * mapping, so the layout JNA computes on Linux is the Windows layout. Every Structure, constant
 * and x86 stdcall argument size is checked against shared/abi/win-layouts.json
 * (docs/abi-layout-tests.md).
 */
package io.winlog.jna.binding;
