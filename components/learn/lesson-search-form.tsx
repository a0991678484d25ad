import { controlClass, labelClass } from "@/components/forms/field-styles";
import { SEARCH_MAX_LENGTH } from "@/lib/search/search-query";

// A plain GET form to /search: works before (and without) JavaScript, so it can sit on the
// prerendered course pages as well as the search page itself.

type TProps = {
  q?: string;
  /** Search one course: a hidden field on a course page, or a choice on the search page. */
  course?: { fixed: { slug: string; title: string } } | { choices: { slug: string; title: string }[]; selected: string | null };
  id?: string;
  label?: string;
};

export function LessonSearchForm({ q = "", course, id = "lesson-search", label = "Search the lessons" }: TProps) {
  return (
    <search>
      <form method="get" action="/search" className="flex flex-wrap items-end gap-2">
        <div className="min-w-0 flex-[1_1_14rem]">
          <label htmlFor={id} className={labelClass}>
            {label}
          </label>
          <input id={id} name="q" type="search" defaultValue={q} maxLength={SEARCH_MAX_LENGTH} required enterKeyHint="search" className={controlClass} />
        </div>
        {course && "fixed" in course && <input type="hidden" name="course" value={course.fixed.slug} />}
        {course && "choices" in course && course.choices.length > 1 && (
          <div className="min-w-0 flex-[1_1_10rem]">
            <label htmlFor={`${id}-course`} className={labelClass}>
              Course
            </label>
            <select id={`${id}-course`} name="course" defaultValue={course.selected ?? ""} className={controlClass}>
              <option value="">All courses</option>
              {course.choices.map((c) => (
                <option key={c.slug} value={c.slug}>
                  {c.title}
                </option>
              ))}
            </select>
          </div>
        )}
        <button type="submit" className="min-h-11 rounded-md bg-brand-700 px-4 py-2 font-medium text-white hover:bg-brand-800">
          Search
        </button>
      </form>
    </search>
  );
}
