package corpus

import (
	"bytes"
	"context"
	"reflect"
	"slices"
	"testing"
)

// TestStoryScratchReuse: one worker's buffers, reused from story to story
// in any order, give every story the result a fresh CheckStory gives it,
// and no result changes when later stories reuse the buffers (results
// are compared only once every story has been checked).
func TestStoryScratchReuse(t *testing.T) {
	in := preparedCorpus(t, 400)
	// Stories with findings, several articles and claims enough to make
	// the buffers grow and shrink; all of them, large ones first, so that
	// small stories run on buffers a large one left.
	order := slices.Clone(in.stories)
	slices.SortStableFunc(order, func(a, b Story) int { return len(b.Members) - len(a.Members) })
	if len(order) < 20 || len(order[0].Members) < 3 {
		t.Fatalf("%d stories, the largest of %d articles: the test would prove little", len(order), len(order[0].Members))
	}

	check := func(arts []Article, st Story, run func(Story, []*Article) (*StoryResult, error)) *StoryResult {
		t.Helper()
		members := make([]*Article, len(st.Members))
		for k, m := range st.Members {
			members[k] = &arts[m]
		}
		res, err := run(st, members)
		if err != nil {
			t.Fatal(err)
		}
		return res
	}
	fresh := slices.Clone(in.arts)
	want := make([]*StoryResult, len(order))
	for i, st := range order {
		want[i] = check(fresh, st, func(st Story, ms []*Article) (*StoryResult, error) {
			return CheckStory(context.Background(), st, ms, in.cfg, in.kinds)
		})
	}
	reused := slices.Clone(in.arts)
	var sc storyScratch
	got := make([]*StoryResult, len(order))
	for i, st := range order {
		got[i] = check(reused, st, func(st Story, ms []*Article) (*StoryResult, error) {
			return sc.checkStory(context.Background(), st, ms, in.cfg, in.kinds)
		})
	}

	findings := 0
	for i := range order {
		findings += len(want[i].Report.Findings)
		if !reflect.DeepEqual(got[i].Report.Findings, want[i].Report.Findings) ||
			!reflect.DeepEqual(got[i].Report.Eras, want[i].Report.Eras) ||
			!reflect.DeepEqual(got[i].Claims, want[i].Claims) {
			t.Fatalf("story %s: the result on reused buffers differs from a fresh one", order[i].ID)
		}
		if g, w := render(t, got[i]), render(t, want[i]); !bytes.Equal(g, w) {
			t.Fatalf("story %s: rendered on reused buffers\n%s\nwant\n%s", order[i].ID, g, w)
		}
	}
	if findings < 50 {
		t.Fatalf("only %d findings: the test would prove little", findings)
	}
}

// render is a story's line of stories.jsonl and rows of findings.csv.
func render(t *testing.T, r *StoryResult) []byte {
	t.Helper()
	b, err := AppendStoryJSONL(nil, r)
	if err != nil {
		t.Fatal(err)
	}
	if b, err = AppendFindingsCSV(b, r); err != nil {
		t.Fatal(err)
	}
	return b
}
