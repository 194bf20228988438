import Foundation
import Testing

@testable import TablemendBatch

@Suite("InputWalker")
struct InputWalkerTests {
  func tree() throws -> TemporaryFolder {
    let tmp = try TemporaryFolder()
    for path in [
      "in/a.txt", "in/b.DOCX", "in/c.xml", "in/d.pdf", "in/e.txt.json", "in/.x.txt",
      "in/.git/config.txt", "in/2021/f.txt", "in/2021/drafts/g.txt", "in/2021/~$h.docx",
      "in/out/old.txt",
    ] {
      try tmp.write(path, "x")
    }
    return tmp
  }

  func relative(_ result: WalkResult, _ tmp: TemporaryFolder) -> [String] {
    let root = tmp.url.appendingPathComponent("in").standardizedFileURL.path + "/"
    return result.inputs.map { String($0.path.dropFirst(root.count)) }
  }

  @Test("walks recursively, takes reader extensions, skips hidden entries and the output")
  func defaults() throws {
    let tmp = try tree()
    defer { tmp.remove() }
    let result = InputWalker().walk(
      [tmp.url.appendingPathComponent("in")], skipping: tmp.url.appendingPathComponent("in/out"))
    #expect(
      relative(result, tmp) == [
        "2021/drafts/g.txt", "2021/f.txt", "2021/~$h.docx", "a.txt", "b.DOCX", "c.xml",
      ])
    #expect(result.failures.isEmpty)
  }

  @Test("include replaces the extension list; exclude drops files and whole folders")
  func globs() throws {
    let tmp = try tree()
    defer { tmp.remove() }
    let walker = InputWalker(
      include: [Glob("*.txt"), Glob("*.pdf")], exclude: [Glob("drafts"), Glob("out")])
    let result = walker.walk([tmp.url.appendingPathComponent("in")])
    #expect(relative(result, tmp) == ["2021/f.txt", "a.txt", "d.pdf"])
    let noTemp = InputWalker(exclude: [Glob("~$*")]).walk([
      tmp.url.appendingPathComponent("in/2021")
    ])
    #expect(
      noTemp.inputs.map { URL(fileURLWithPath: $0.path).lastPathComponent } == ["g.txt", "f.txt"])
  }

  @Test("a file argument is taken whatever its extension; duplicates collapse; missing fails")
  func arguments() throws {
    let tmp = try tree()
    defer { tmp.remove() }
    let result = InputWalker().walk([
      tmp.url.appendingPathComponent("in/d.pdf"), tmp.url.appendingPathComponent("in/2021"),
      tmp.url.appendingPathComponent("in/2021/./f.txt"), tmp.url.appendingPathComponent("none"),
    ])
    #expect(result.inputs.count == 4)
    #expect(result.inputs.contains { $0.path.hasSuffix("in/d.pdf") })
    #expect(result.failures.count == 1)
    #expect(result.failures.first?.error.hasSuffix("none: no such file or folder") == true)
  }
}
