import Foundation

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// A child process started with `posix_spawn` in a process group of its own: stdin and
/// stdout on `/dev/null`, stderr into a file. `kill()` stops the whole group (a shell wrapper
/// and whatever it started), which Foundation's `Process` cannot do.
struct ChildProcess {
  /// How a child ended.
  enum Status: Equatable {
    case exited(Int32)
    case signalled(Int32)
  }

  /// Why the child could not start.
  struct StartError: Error {
    var message: String
  }

  private let pid: pid_t

  /// Starts `argv[0]` (an absolute path) with the arguments `argv`.
  init(_ argv: [String], stderrPath: String) throws(StartError) {
    guard let program = argv.first else { throw StartError(message: "no program") }
    #if os(Linux)
      var actions = posix_spawn_file_actions_t()
      var attributes = posix_spawnattr_t()
    #else
      var actions: posix_spawn_file_actions_t?
      var attributes: posix_spawnattr_t?
    #endif
    posix_spawn_file_actions_init(&actions)
    defer { posix_spawn_file_actions_destroy(&actions) }
    posix_spawnattr_init(&attributes)
    defer { posix_spawnattr_destroy(&attributes) }
    posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
    posix_spawn_file_actions_addopen(&actions, 1, "/dev/null", O_WRONLY, 0)
    posix_spawn_file_actions_addopen(&actions, 2, stderrPath, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
    posix_spawnattr_setflags(&attributes, Int16(POSIX_SPAWN_SETPGROUP))
    posix_spawnattr_setpgroup(&attributes, 0)
    var cArguments: [UnsafeMutablePointer<CChar>?] = argv.map { strdup($0) }
    cArguments.append(nil)
    defer { for pointer in cArguments { free(pointer) } }
    var child: pid_t = 0
    let result = posix_spawn(&child, program, &actions, &attributes, cArguments, environ)
    guard result == 0 else {
      throw StartError(message: String(cString: strerror(result)))
    }
    pid = child
  }

  /// The status if the child has ended, else nil (never blocks).
  func poll() -> Status? {
    var status: Int32 = 0
    let result = waitpid(pid, &status, WNOHANG)
    if result == pid { return Self.decode(status) }
    if result < 0 && errno != EINTR { return .exited(-1) }
    return nil
  }

  /// Waits for the child to end.
  func wait() -> Status {
    var status: Int32 = 0
    while true {
      let result = waitpid(pid, &status, 0)
      if result == pid { return Self.decode(status) }
      if result < 0 && errno != EINTR { return .exited(-1) }
    }
  }

  /// Kills the child's process group.
  func kill() {
    _ = Foundation.kill(-pid, SIGKILL)
  }

  private static func decode(_ status: Int32) -> Status {
    let signal = status & 0x7F
    return signal == 0 ? .exited((status >> 8) & 0xFF) : .signalled(signal)
  }
}
