import Foundation

/// What the fuzz executables share when built without libFuzzer: replaying saved inputs.
public enum FuzzReplay {
  /// Runs `body` on each file named on the command line and prints `PATH: ok` after it (a
  /// crash or hang shows as the missing line).
  public static func main(_ body: (Data) -> Void) {
    for path in CommandLine.arguments.dropFirst() {
      guard let data = FileManager.default.contents(atPath: path) else {
        print("\(path): cannot read")
        continue
      }
      body(data)
      print("\(path): ok")
    }
  }
}
