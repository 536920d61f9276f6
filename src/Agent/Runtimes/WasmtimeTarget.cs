using System.Reflection;
using System.Runtime.InteropServices;
using Wasmtime;

namespace NearNative.Agent.Runtimes;

/// <summary>
/// Selects the compilation target of the embedded Wasmtime. The .NET API has no setter for it, but the native
/// library it ships does (<c>wasmtime_config_target_set</c>), and is built with Pulley, Wasmtime's portable
/// interpreter: target <c>pulley64</c> gives an interpreter row from the same package.
/// </summary>
public static partial class WasmtimeTarget
{
    public const string Pulley64 = "pulley64";

    /// <summary>An engine for <paramref name="target"/> (null: the default), or why there cannot be one.</summary>
    public static Engine CreateEngine(string? target)
    {
        if (target is null)
        {
            return new Engine();
        }

        var config = new Config();
        var nativeConfig = NativeHandle(config);
        var error = NativeMethods.wasmtime_config_target_set(nativeConfig, target);
        if (error != IntPtr.Zero)
        {
            NativeMethods.wasmtime_error_delete(error);
            throw new NotSupportedException($"the embedded Wasmtime does not accept the target {target}");
        }

        return new Engine(config);
    }

    /// <summary>Whether an engine runs the Pulley interpreter rather than native code.</summary>
    public static bool IsPulley(Engine engine) => NativeMethods.wasmtime_engine_is_pulley(NativeHandle(engine));

    /// <summary>The private SafeHandle both wrapper types keep; a package that renames it makes the row unavailable, not wrong.</summary>
    private static IntPtr NativeHandle(object wrapper) =>
        wrapper.GetType().GetField("handle", BindingFlags.NonPublic | BindingFlags.Instance)?.GetValue(wrapper) is SafeHandle handle
            ? handle.DangerousGetHandle()
            : throw new NotSupportedException($"this Wasmtime package keeps no native handle in {wrapper.GetType().Name}");

    private static partial class NativeMethods
    {
        [LibraryImport("wasmtime", StringMarshalling = StringMarshalling.Utf8)]
        [DefaultDllImportSearchPaths(DllImportSearchPath.AssemblyDirectory | DllImportSearchPath.SafeDirectories)]
        internal static partial IntPtr wasmtime_config_target_set(IntPtr config, string target);

        [LibraryImport("wasmtime")]
        [DefaultDllImportSearchPaths(DllImportSearchPath.AssemblyDirectory | DllImportSearchPath.SafeDirectories)]
        [return: MarshalAs(UnmanagedType.U1)]
        internal static partial bool wasmtime_engine_is_pulley(IntPtr engine);

        [LibraryImport("wasmtime")]
        [DefaultDllImportSearchPaths(DllImportSearchPath.AssemblyDirectory | DllImportSearchPath.SafeDirectories)]
        internal static partial void wasmtime_error_delete(IntPtr error);
    }
}
