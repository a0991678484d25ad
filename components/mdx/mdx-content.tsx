import { getMDXComponent } from "mdx-bundler/client";
import { mdxComponents } from "@/components/mdx";

// Renders compiled lesson code with the explicit allow-list of components lessons may use.
export function MdxContent({ code }: { code: string }) {
  const Component = getMDXComponent(code);
  return <Component components={mdxComponents} />;
}
