import type { AnimationDefinition, Pose } from '../core/content/pose-schema.ts';
import {
	AXES,
	blendPoses,
	CAMERAS,
	LENGTHS,
	NOSE_RADIUS,
	SEGMENTS,
	project,
	solvePose,
	THICKNESS,
	type Point3,
	type PointName,
	type ScreenPoint,
	type Tone,
	type View
} from './pose.ts';

/**
 * The figure as flat shapes for one view: what both the still SVG and the Lottie generator draw.
 * Units stay centimetres until a frame maps them onto the picture.
 */

export type { Tone };

export interface LineShape {
	kind: 'line';
	id: string;
	from: ScreenPoint;
	to: ScreenPoint;
	thickness: number;
	tone: Tone;
	depth: number;
}

export interface DiscShape {
	kind: 'disc';
	id: string;
	centre: ScreenPoint;
	radius: number;
	tone: Tone;
	depth: number;
}

export type FigureShape = LineShape | DiscShape;

export interface DrawOptions {
	mirrored?: boolean;
	/** Draw the shoulder and hip lines (a twist). */
	axes?: boolean;
}

/**
 * The head is three discs: the hair just behind it, toward the back of the head, and the nose
 * just in front on the face's side, so the drawing shows which way the person looks.
 */
const DISCS: readonly { id: string; at: PointName; radius: number; tone: Tone; lift: number }[] = [
	{ id: 'hair', at: 'hair', radius: LENGTHS.headRadius, tone: 'hair', lift: -0.02 },
	{ id: 'head', at: 'head', radius: LENGTHS.headRadius, tone: 'skin', lift: 0 },
	{ id: 'nose', at: 'nose', radius: NOSE_RADIUS, tone: 'skin', lift: -0.01 },
	{ id: 'handL', at: 'handL', radius: LENGTHS.handRadius, tone: 'farSkin', lift: 0 },
	{ id: 'handR', at: 'handR', radius: LENGTHS.handRadius, tone: 'skin', lift: 0 }
];
/** The colour lines are drawn over everything else. */
const ON_TOP = 1e4;

/** Every shape of a pose in a view, farthest first (the order they are painted). */
export function figureShapes(pose: Pose, view: View, options: DrawOptions = {}): FigureShape[] {
	const mirrored = options.mirrored ?? false;
	const skeleton = solvePose(pose);
	const at = (name: PointName) => project(skeleton[name], view, mirrored);
	const lines = options.axes ? [...SEGMENTS, ...AXES] : SEGMENTS;
	const shapes: FigureShape[] = lines.map((segment) => {
		const from = at(segment.from);
		const to = at(segment.to);
		const axis = segment.tone === 'shoulderAxis' || segment.tone === 'hipAxis';
		return {
			kind: 'line',
			id: segment.id,
			from: axis ? reach(from, to, 0.35) : from,
			to: axis ? reach(to, from, 0.35) : to,
			thickness: segment.thickness,
			tone: segment.tone,
			depth: axis ? ON_TOP : (from.depth + to.depth) / 2
		};
	});
	const head = at('head').depth;
	for (const disc of DISCS) {
		const centre = at(disc.at);
		shapes.push({
			kind: 'disc',
			id: disc.id,
			centre,
			radius: disc.radius,
			tone: disc.tone,
			// The hair sits just behind the head and the nose just in front, whichever way it turns.
			depth: disc.lift === 0 ? centre.depth : head + (disc.id === 'nose' ? 0.01 : -0.01)
		});
	}
	return paintOrder(shapes);
}

/** `from` moved away from `to` by a fraction of their distance. */
function reach(from: ScreenPoint, to: ScreenPoint, fraction: number): ScreenPoint {
	return {
		h: from.h + (from.h - to.h) * fraction,
		v: from.v + (from.v - to.v) * fraction,
		depth: from.depth
	};
}

/** Stable sort by depth; ties keep the declared order so equal depths never flicker. */
function paintOrder(shapes: FigureShape[]): FigureShape[] {
	return shapes
		.map((shape, index) => ({ shape, index }))
		.sort((a, b) => a.shape.depth - b.shape.depth || a.index - b.index)
		.map(({ shape }) => shape);
}

/** The picture's window onto the world, in screen centimetres, always 4:3. */
export interface Frame {
	left: number;
	top: number;
	width: number;
	height: number;
}

export const ASPECT = 4 / 3;
const PADDING = 12;
const MIN_WIDTH = 150;

interface Box {
	minH: number;
	maxH: number;
	minV: number;
	maxV: number;
}

function extend(box: Box, p: ScreenPoint, r: number) {
	box.minH = Math.min(box.minH, p.h - r);
	box.maxH = Math.max(box.maxH, p.h + r);
	box.minV = Math.min(box.minV, p.v - r);
	box.maxV = Math.max(box.maxV, p.v + r);
}

/** The screen box around the figure in the given poses (both mirror images when `bothSides`). */
export function figureBox(poses: readonly Pose[], view: View, bothSides = false): Box {
	const box = { minH: Infinity, maxH: -Infinity, minV: Infinity, maxV: -Infinity };
	for (const pose of poses) {
		for (const mirrored of bothSides ? [false, true] : [false]) {
			for (const shape of figureShapes(pose, view, { mirrored })) {
				if (shape.kind === 'disc') extend(box, shape.centre, shape.radius);
				else {
					extend(box, shape.from, shape.thickness / 2);
					extend(box, shape.to, shape.thickness / 2);
				}
			}
		}
	}
	return box;
}

/**
 * A frame that holds every given pose (each in both mirror images when `bothSides`), with the
 * floor line near the bottom in the side and front views. Fixed for a whole animation, so the
 * figure never jumps while it moves.
 */
export function frameFor(poses: readonly Pose[], view: View, bothSides = false): Frame {
	const box = figureBox(poses, view, bothSides);
	// Room at the top for the side and today's number, which sit over the picture's corners.
	box.minV -= 0.15 * (box.maxV - box.minV) + 6;
	const level = CAMERAS[view].tilt === 0;
	// Room below for the floor and the shadow.
	box.maxV = level ? Math.max(box.maxV, 3) : box.maxV + 6;
	let width = Math.max(MIN_WIDTH, box.maxH - box.minH + 2 * PADDING);
	let height = box.maxV - box.minV + 2 * PADDING;
	if (width / height < ASPECT) width = height * ASPECT;
	else height = width / ASPECT;
	const centreH = (box.minH + box.maxH) / 2;
	// Sit the floor a little above the bottom edge; a view from above is centred.
	const top = level ? box.maxV + PADDING / 2 - height : (box.minV + box.maxV) / 2 - height / 2;
	return { left: centreH - width / 2, top, width, height };
}

/**
 * The class each tone is painted with ("nearArm" → "figure-near-arm"). The colours themselves are
 * in the stylesheet that shows the figure (ExerciseAnimation.svelte), so one palette serves the
 * light and dark themes.
 */
export const toneClass = (tone: Tone) =>
	'figure-' + tone.replace(/[A-Z]/g, (c) => '-' + c.toLowerCase());

/** Where the guide point goes from the start pose to the target, sampled along the movement. */
export function guidePath(
	animation: AnimationDefinition,
	target: Pose,
	mirrored: boolean
): ScreenPoint[] {
	const path: ScreenPoint[] = [];
	for (let step = 0; step <= 8; step += 1) {
		const pose = blendPoses(animation.start, target, step / 8);
		path.push(project(solvePose(pose)[animation.guide?.point ?? 'head'], animation.view, mirrored));
	}
	return path;
}

/**
 * An arrow along a path: the path, then its head drawn as one line out to each wing and back.
 * Undefined when the path is too short to show.
 */
export function arrowPoints(path: ScreenPoint[], head: number): ScreenPoint[] | undefined {
	const end = path.at(-1)!;
	const before = path.at(-2)!;
	if (Math.hypot(end.h - path[0]!.h, end.v - path[0]!.v) < 3) return undefined;
	const angle = Math.atan2(end.v - before.v, end.h - before.h);
	const wing = (turn: number) => ({
		h: end.h - head * Math.cos(angle + turn),
		v: end.v - head * Math.sin(angle + turn),
		depth: 0
	});
	return [...path, wing(0.5), end, wing(-0.5)];
}

/**
 * The floor under the figure: a mat (a strip under the floor line seen level, a rectangle round
 * the pelvis seen from above) and a soft shadow under the body.
 */
export function groundShape(poses: readonly Pose[], view: View, mirrored: boolean) {
	const box = figureBox(poses, view);
	const tilt = Math.sin((CAMERAS[view].tilt * Math.PI) / 180);
	// The mat lies square to the camera, so seen from above it is a level rectangle on the screen.
	const turn = (CAMERAS[view].turn * Math.PI) / 180;
	const onFloor = (x: number, dx: number, dz: number) => ({
		x: x + dx * Math.cos(turn) + dz * Math.sin(turn),
		y: 0,
		z: dz * Math.cos(turn) - dx * Math.sin(turn)
	});
	const x = poses[0]!.root.x;
	const at = (h: number, v: number) => ({ h, v, depth: 0 });
	const mat = tilt
		? [
				[-110, -45],
				[110, -45],
				[110, 45],
				[-110, 45]
			].map(([dx, dz]) => project(onFloor(x, dx!, dz!), view, mirrored))
		: [at(box.minH - 12, 0), at(box.maxH + 12, 0), at(box.maxH + 12, 3), at(box.minH - 12, 3)];
	const centre = project({ x, y: 0, z: 0 }, view, mirrored);
	const rh = (box.maxH - box.minH) / 2;
	return {
		mat,
		shadow: {
			h: tilt ? centre.h : (box.minH + box.maxH) / 2,
			v: centre.v,
			rh,
			rv: Math.max(3, rh * tilt * 0.5)
		}
	};
}

/**
 * The hollow under the low back, seen from the side: the floor under the pelvis, the underside of
 * the spine from the waist to the base of the neck, and the floor under the neck. It has no area
 * where the back lies on the floor, and always the same number of corners, so it can move.
 */
export function hollowShape(pose: Pose, view: View, mirrored = false): ScreenPoint[] {
	const skeleton = solvePose(pose);
	const T = THICKNESS;
	// How far below each point of the spine its underside is; a little more, so a back resting on
	// the floor leaves no sliver.
	const spine: [Point3, number][] = [
		[skeleton.waist, (T.lumbar + T.chest) / 4 + 1],
		[skeleton.chest, T.chest / 2 + 1],
		// The upper back rests on the shoulder blades, a little below the line of the chest.
		[skeleton.neck, T.chest / 2 + 3]
	];
	const floor = (p: Point3) => project({ ...p, y: 0 }, view, mirrored);
	return [
		floor(skeleton.pelvis),
		...spine.map(([p, below]) => project({ ...p, y: Math.max(0, p.y - below) }, view, mirrored)),
		floor(skeleton.neck)
	];
}
