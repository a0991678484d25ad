// Server-safe parts of the kit. The dialogs are client components: import them from "./dialog"
// directly, so a server page that only wants a Table never pulls a client module into its bundle.
export { Badge, type TBadgeTone } from "./badge";
export { Button, buttonClass, type TButtonSize, type TButtonVariant } from "./button";
export { Card, cardClass } from "./card";
export { Table } from "./table";
export { linkClass, TextLink } from "./text-link";
