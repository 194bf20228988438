import Testing

@testable import TablemendBatch

@Suite("Glob")
struct GlobTests {
  @Test("a pattern without a slash matches the file name at any depth")
  func nameOnly() {
    let glob = Glob("*.txt")
    #expect(glob.matches("a.txt"))
    #expect(glob.matches("2021/nested/a.txt"))
    #expect(!glob.matches("a.txt.json"))
    #expect(!glob.matches("2021/a.docx"))
  }

  @Test("* stops at a slash, ** crosses folders and may match none")
  func stars() {
    #expect(Glob("2021/*.txt").matches("2021/a.txt"))
    #expect(!Glob("2021/*.txt").matches("2021/x/a.txt"))
    #expect(Glob("2021/**/*.txt").matches("2021/x/y/a.txt"))
    #expect(Glob("2021/**/*.txt").matches("2021/a.txt"))
    #expect(Glob("**/drafts/**").matches("a/drafts/b/c.txt"))
    #expect(Glob("**/drafts/**").matches("drafts/c.txt"))
    #expect(!Glob("**/drafts/**").matches("a/drafts2/c.txt"))
  }

  @Test("? and character sets match one character, never a slash")
  func singleCharacters() {
    #expect(Glob("00?_*.txt").matches("002_x.txt"))
    #expect(!Glob("00?_*.txt").matches("0022_x.txt"))
    #expect(Glob("[0-9]*.txt").matches("7a.txt"))
    #expect(!Glob("[0-9]*.txt").matches("a7.txt"))
    #expect(Glob("[!~]*.docx").matches("form.docx"))
    #expect(!Glob("[!~]*.docx").matches("~$form.docx"))
    #expect(!Glob("a?b").matches("a/b"))
    #expect(Glob("a[b").matches("a[b"))
  }

  @Test("a leading ./ is ignored")
  func leadingDot() {
    #expect(Glob("./2021/*.txt").matches("2021/a.txt"))
  }
}
